/// The AWS API calls a snapshot bundle holds, one file per call (per bucket, trail or key
/// where the call takes one). Names are the AWS CLI's (`get-bucket-acl`), which is how
/// files are named in bundles.
public enum AWSCall: String, CaseIterable, Sendable, Hashable, Codable {
    case getCallerIdentity = "get-caller-identity"
    case getAccountAuthorizationDetails = "get-account-authorization-details"
    case getCredentialReport = "get-credential-report"
    case getAccountSummary = "get-account-summary"
    case getAccountPasswordPolicy = "get-account-password-policy"
    case listVirtualMFADevices = "list-virtual-mfa-devices"
    case listServerCertificates = "list-server-certificates"
    case listBuckets = "list-buckets"
    case getBucketLocation = "get-bucket-location"
    case getBucketEncryption = "get-bucket-encryption"
    case getPublicAccessBlock = "get-public-access-block"
    case getBucketPolicy = "get-bucket-policy"
    case getBucketPolicyStatus = "get-bucket-policy-status"
    case getBucketAcl = "get-bucket-acl"
    case getBucketLogging = "get-bucket-logging"
    case getBucketVersioning = "get-bucket-versioning"
    case getBucketTagging = "get-bucket-tagging"
    /// S3 Control's account-level block; the same CLI name as the bucket call, told apart by
    /// its folder (`s3control/`), a `s3control-` prefix, or the absence of a bucket.
    case getAccountPublicAccessBlock = "s3control-get-public-access-block"
    case describeTrails = "describe-trails"
    case getTrailStatus = "get-trail-status"
    case getEventSelectors = "get-event-selectors"
    case describeConfigurationRecorders = "describe-configuration-recorders"
    case describeConfigurationRecorderStatus = "describe-configuration-recorder-status"
    case listKeys = "list-keys"
    case describeKey = "describe-key"
    case getKeyRotationStatus = "get-key-rotation-status"
    case listAnalyzers = "list-analyzers"

    /// The service prefix used in IAM actions and in `service:Operation` names.
    public var service: String {
        switch self {
        case .getCallerIdentity: "sts"
        case .getAccountAuthorizationDetails, .getCredentialReport, .getAccountSummary, .getAccountPasswordPolicy,
             .listVirtualMFADevices, .listServerCertificates: "iam"
        case .listBuckets, .getBucketLocation, .getBucketEncryption, .getPublicAccessBlock, .getBucketPolicy,
             .getBucketPolicyStatus, .getBucketAcl, .getBucketLogging, .getBucketVersioning, .getBucketTagging: "s3"
        case .getAccountPublicAccessBlock: "s3"
        case .describeTrails, .getTrailStatus, .getEventSelectors: "cloudtrail"
        case .describeConfigurationRecorders, .describeConfigurationRecorderStatus: "config"
        case .listKeys, .describeKey, .getKeyRotationStatus: "kms"
        case .listAnalyzers: "access-analyzer"
        }
    }

    /// The API operation name, e.g. `GetBucketAcl`, as in `s3:GetBucketAcl`.
    public var operation: String {
        if self == .getAccountPublicAccessBlock { return "GetPublicAccessBlock" }
        return rawValue.split(separator: "-").map { word in
            switch word {
            case "mfa": "MFA"
            case "acl": "Acl"
            default: word.prefix(1).uppercased() + word.dropFirst()
            }
        }.joined()
    }

    /// `service:Operation`, the way errors and least-privilege docs name the call.
    public var action: String { "\(service == "access-analyzer" ? "access-analyzer" : service):\(operation)" }

    /// The IAM permission the call needs (where it differs from the operation name, as for
    /// S3's `GetBucketEncryption` → `s3:GetEncryptionConfiguration`); nil when none is needed.
    public var permission: String? {
        switch self {
        case .getCallerIdentity: nil
        case .listBuckets: "s3:ListAllMyBuckets"
        case .getBucketEncryption: "s3:GetEncryptionConfiguration"
        case .getPublicAccessBlock: "s3:GetBucketPublicAccessBlock"
        case .getAccountPublicAccessBlock: "s3:GetAccountPublicAccessBlock"
        case .listAnalyzers: "access-analyzer:ListAnalyzers"
        default: action
        }
    }

    /// What the call qualifies: nothing (account-wide), a bucket, a trail, or a key.
    public enum Subject: Sendable { case account, bucket, trail, key }

    public var subject: Subject {
        switch self {
        case .getBucketLocation, .getBucketEncryption, .getPublicAccessBlock, .getBucketPolicy, .getBucketPolicyStatus,
             .getBucketAcl, .getBucketLogging, .getBucketVersioning, .getBucketTagging: .bucket
        case .getTrailStatus, .getEventSelectors: .trail
        case .describeKey, .getKeyRotationStatus: .key
        default: .account
        }
    }

    /// The data set the call feeds (for coverage and "not assessed").
    public var dataSet: String {
        switch self {
        case .getCallerIdentity, .getAccountAuthorizationDetails: "iam"
        case .getCredentialReport: "credential-report"
        case .getAccountSummary: "account-summary"
        case .getAccountPasswordPolicy: "password-policy"
        case .listVirtualMFADevices: "mfa-devices"
        case .listServerCertificates: "server-certificates"
        case .getAccountPublicAccessBlock: "s3-account-public-access-block"
        case .describeTrails, .getTrailStatus, .getEventSelectors: "cloudtrail"
        case .describeConfigurationRecorders, .describeConfigurationRecorderStatus: "config"
        case .listKeys, .describeKey, .getKeyRotationStatus: "kms"
        case .listAnalyzers: "access-analyzer"
        default: "s3"
        }
    }

    /// Error codes that answer "this is not configured" — data, not a failure.
    public var absentCodes: Set<String> {
        switch self {
        case .getBucketPolicy, .getBucketPolicyStatus: ["NoSuchBucketPolicy"]
        case .getBucketEncryption: ["ServerSideEncryptionConfigurationNotFoundError"]
        case .getBucketTagging: ["NoSuchTagSet"]
        case .getPublicAccessBlock, .getAccountPublicAccessBlock: ["NoSuchPublicAccessBlockConfiguration"]
        case .getAccountPasswordPolicy: ["NoSuchEntity"]
        case .getTrailStatus, .getEventSelectors: ["TrailNotFoundException"]
        // The key was deleted between list-keys and describe-key.
        case .describeKey: ["NotFoundException"]
        // Rotation does not apply: asymmetric, HMAC or imported keys, or a key pending deletion.
        case .getKeyRotationStatus: ["UnsupportedOperationException", "KMSInvalidStateException", "NotFoundException"]
        default: []
        }
    }
}
