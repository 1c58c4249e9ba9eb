/// A body of configuration an input may or may not hold (a bundle without CloudTrail files
/// has no `cloudtrail` data set). Policies name the data sets they need in `requires`; where
/// one is missing for an account, the policy is *not assessed* there, never passed.
public enum DataSet: String, Codable, Sendable, CaseIterable, Hashable {
    case iam
    case credentialReport = "credential-report"
    case accountSummary = "account-summary"
    case passwordPolicy = "password-policy"
    case mfaDevices = "mfa-devices"
    case serverCertificates = "server-certificates"
    case s3
    case s3AccountPublicAccessBlock = "s3-account-public-access-block"
    case cloudtrail
    case config
    case kms
    case accessAnalyzer = "access-analyzer"

    /// Human wording for "not assessed: no … data".
    public var label: String { rawValue }
}
