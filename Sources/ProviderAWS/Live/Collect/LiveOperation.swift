/// An AWS API operation the live collector sends: every snapshot call, plus the two that
/// produce no snapshot file of their own (IAM's report trigger and EC2's region list).
public enum LiveOperation: Hashable, Sendable, CustomStringConvertible {
    case call(AWSCall)
    /// Asks IAM to build the credential report; read with `GetCredentialReport`.
    case generateCredentialReport
    /// For `--regions all`.
    case describeRegions

    /// Every operation the collector can send: the read-only test enumerates these.
    public static let all: [LiveOperation] = AWSCall.allCases.filter(\.isCollectedLive).map(LiveOperation.call)
        + [.generateCredentialReport, .describeRegions]

    /// The service as botocore names its model folder (`s3control`, `accessanalyzer`).
    public var modelService: String {
        switch self {
        case let .call(call):
            switch call.service {
            case "access-analyzer": "accessanalyzer"
            case "s3" where call == .getAccountPublicAccessBlock: "s3control"
            default: call.service
            }
        case .generateCredentialReport: "iam"
        case .describeRegions: "ec2"
        }
    }

    /// The operation's name in the API model (`GetBucketAcl`).
    public var operationName: String {
        switch self {
        case let .call(call): call.operation
        case .generateCredentialReport: "GenerateCredentialReport"
        case .describeRegions: "DescribeRegions"
        }
    }

    /// The IAM action a policy must allow for the call (`s3:GetEncryptionConfiguration`); nil
    /// when no permission is needed (STS GetCallerIdentity).
    public var permission: String? {
        switch self {
        case let .call(call): call.permission
        case .generateCredentialReport: "iam:GenerateCredentialReport"
        case .describeRegions: "ec2:DescribeRegions"
        }
    }

    public var description: String { "\(modelService):\(operationName)" }
}

extension AWSCall {
    /// Calls the live collector makes. `get-bucket-tagging` is read from snapshots that carry
    /// it but not collected live: no policy reads tags, and it would add a call per bucket.
    public var isCollectedLive: Bool { self != .getBucketTagging }
}
