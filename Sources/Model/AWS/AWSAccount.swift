import Foundation

/// What only AWS knows about an account: its root user's credentials, the account-wide S3
/// block, Config recorders, Access Analyzer, IAM server certificates and the support role.
public struct AWSAccount: ResourceSection {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    public static let kind = ResourceKind.account
    public static let provider = ProviderID.aws

    /// root MFA is a hardware device
    /// Absent when unknown.
    public var rootHardwareMFA: Bool?
    /// active root access keys
    /// Absent when unknown.
    public var rootAccessKeys: Int?
    /// last root sign-in or key use
    public var rootLastUsed: Date?
    /// root user has a console password
    /// Absent when unknown (e.g. removed centrally).
    public var rootPasswordEnabled: Bool?
    /// account-level S3 public access block
    /// Absent when none is set, or the input did not hold it.
    public var publicAccessBlock: PublicAccessBlockSettings?
    /// configuration recorders by region
    public var configRecorders: [ConfigRecorder]
    /// access analyzers by region
    public var accessAnalyzers: [AccessAnalyzer]
    /// IAM server certificates
    public var serverCertificates: [ServerCertificate]
    /// identities with AWSSupportAccess attached
    /// Identities (ARNs) with the AWSSupportAccess managed policy attached (CIS: a support role exists).
    public var supportAccess: [String]
}

/// An IAM server certificate.
public struct ServerCertificate: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    /// certificate name
    public var name: String
    /// ARN
    public var arn: String?
    /// expiry time
    public var expiration: Date?
}

/// An AWS Config configuration recorder.
public struct ConfigRecorder: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    /// region
    public var region: String
    /// recorder name
    public var name: String
    /// currently recording
    public var recording: Bool
    /// records all supported resource types
    public var allSupported: Bool
    /// includes global resources such as IAM
    public var includeGlobalResources: Bool
}

/// An IAM Access Analyzer analyzer.
public struct AccessAnalyzer: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    /// region
    public var region: String
    /// analyzer name
    public var name: String
    /// ACTIVE, CREATING, DISABLED or FAILED
    public var status: String
    /// ACCOUNT or ORGANIZATION (or unused-access types)
    public var type: String
}

extension Account {
    /// The AWS section; reading it from a resource without one gives an empty section.
    public var aws: AWSAccount {
        get { sections[AWSAccount.self] ?? AWSAccount() }
        set { sections[AWSAccount.self] = newValue }
    }
}
