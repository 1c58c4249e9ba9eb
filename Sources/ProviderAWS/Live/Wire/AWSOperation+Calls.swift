/// Operations the live collector sends that are not snapshot files of their own: the report
/// request that precedes `GetCredentialReport`, and the region list.
public enum AWSAuxiliaryOperation: String, CaseIterable, Sendable {
    case generateCredentialReport = "GenerateCredentialReport"
    case describeRegions = "DescribeRegions"

    /// botocore's service name.
    public var modelService: String { self == .describeRegions ? "ec2" : "iam" }
}

extension AWSCall {
    /// botocore's service name for the call's API model (`s3control` for the account-level
    /// public access block, `accessanalyzer` for Access Analyzer).
    public var modelService: String {
        switch self {
        case .getAccountPublicAccessBlock: "s3control"
        case .listAnalyzers: "accessanalyzer"
        default: service
        }
    }
}

extension AWSWireModel {
    /// The operation behind a snapshot call; nil only if the model lacks it (a test rules that out).
    public func operation(for call: AWSCall) -> AWSOperation? {
        operation(service: call.modelService, name: call.operation)
    }

    public func operation(for auxiliary: AWSAuxiliaryOperation) -> AWSOperation? {
        operation(service: auxiliary.modelService, name: auxiliary.rawValue)
    }
}
