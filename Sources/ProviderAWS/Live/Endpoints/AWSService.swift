/// The AWS services the live collector calls, with the names botocore's models give them
/// (`metadata.serviceId`, `endpointPrefix`, `signingName` in `service-2.json`).
public enum AWSService: String, Sendable, CaseIterable {
    case sts
    case iam
    case s3
    case s3Control = "s3-control"
    case cloudTrail = "cloudtrail"
    case config
    case kms
    case accessAnalyzer = "access-analyzer"
    case ec2

    /// The SDK service id as environment variables spell it: `serviceId` uppercased with
    /// spaces as underscores (`S3 Control` → `S3_CONTROL`, `Config Service` → `CONFIG_SERVICE`).
    public var sdkServiceId: String {
        switch self {
        case .sts: return "STS"
        case .iam: return "IAM"
        case .s3: return "S3"
        case .s3Control: return "S3_CONTROL"
        case .cloudTrail: return "CLOUDTRAIL"
        case .config: return "CONFIG_SERVICE"
        case .kms: return "KMS"
        case .accessAnalyzer: return "ACCESSANALYZER"
        case .ec2: return "EC2"
        }
    }

    /// The first label of the service's hostname (`metadata.endpointPrefix`).
    public var endpointPrefix: String { rawValue }

    /// The service name in the SigV4 credential scope (`metadata.signingName`, else the
    /// endpoint prefix). S3 Control signs as `s3`.
    public var signingName: String {
        self == .s3Control ? "s3" : endpointPrefix
    }

    /// `AWS_ENDPOINT_URL_<SERVICE_ID>`.
    public var endpointEnvironmentVariable: String { "AWS_ENDPOINT_URL_" + sdkServiceId }
}
