/// AWS in the model: its provider id, its data sets, the sections it adds to the neutral kinds
/// and the per-resource settings those record as collected. `AWSProvider` registers it.
extension ProviderID {
    public static let aws: ProviderID = "aws"
}

extension DataSet {
    public static let iam: DataSet = "iam"
    public static let credentialReport: DataSet = "credential-report"
    public static let accountSummary: DataSet = "account-summary"
    public static let passwordPolicy: DataSet = "password-policy"
    public static let mfaDevices: DataSet = "mfa-devices"
    public static let serverCertificates: DataSet = "server-certificates"
    public static let s3: DataSet = "s3"
    public static let s3AccountPublicAccessBlock: DataSet = "s3-account-public-access-block"
    public static let cloudtrail: DataSet = "cloudtrail"
    public static let config: DataSet = "config"
    public static let kms: DataSet = "kms"
    public static let accessAnalyzer: DataSet = "access-analyzer"
}

extension ModelExtension {
    /// What AWS adds to the model.
    public static let aws = ModelExtension(
        provider: .aws,
        profile: ProviderProfile(displayName: "AWS", accountType: "AWS Account", ocsfAccountTypeID: 10),
        dataSets: [
            .iam, .credentialReport, .accountSummary, .passwordPolicy, .mfaDevices, .serverCertificates, .s3,
            .s3AccountPublicAccessBlock, .cloudtrail, .config, .kms, .accessAnalyzer,
        ],
        sections: [
            SectionDescriptor(AWSAccount.self), SectionDescriptor(AWSIdentity.self), SectionDescriptor(AWSBucket.self),
            SectionDescriptor(AWSTrail.self),
        ],
        settings: [.bucket: AWSBucket.settings],
        functions: AWSFunctions.all)
}
