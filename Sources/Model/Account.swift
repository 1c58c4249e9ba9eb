import Foundation

/// One scanned account (AWS account, GCP project, Azure subscription) and its account-wide settings.
public struct Account: Resource, Hashable {
    public static let kind = ResourceKind.account
    public var id: String
    public var name: String
    public var provider: Provider
    public var account: String
    public var region: String?
    public var source: ResourceSource

    /// The root (owner) user's MFA.
    public var rootMFA: MFAStatus
    /// Whether the root MFA is a hardware device; absent when unknown.
    public var rootHardwareMFA: Bool?
    /// Number of active root access keys; absent when unknown.
    public var rootAccessKeys: Int?
    public var rootLastUsed: Date?
    /// The password policy; absent when the account has none (or it was not collected: see `coverage`).
    public var passwordPolicy: PasswordPolicy?
    public var publicAccessBlock: PublicAccessBlockSettings?
    /// Regions known to the scan (enabled regions for a live scan).
    public var regions: [String]
    public var configRecorders: [ConfigRecorder]
    public var accessAnalyzers: [AccessAnalyzer]
    /// Whether the root user has a console password; absent when unknown (e.g. removed centrally).
    public var rootPasswordEnabled: Bool?
    public var serverCertificates: [ServerCertificate]
    /// Identities (ARNs) with the AWSSupportAccess managed policy attached (CIS: a support role exists).
    public var supportAccess: [String]
    /// Derived: names of trails that are multi-region, logging, and record management read and
    /// write events; absent when the input held no CloudTrail data.
    public var multiRegionTrails: [String]?
    /// The data sets the input held for this account (e.g. `iam`, `credential-report`, `s3`, `cloudtrail`).
    public var coverage: [String]

    public init(
        id: String, name: String, provider: Provider, account: String, region: String? = nil,
        source: ResourceSource, rootMFA: MFAStatus = .unknown, rootHardwareMFA: Bool? = nil,
        rootAccessKeys: Int? = nil, rootLastUsed: Date? = nil, passwordPolicy: PasswordPolicy? = nil,
        publicAccessBlock: PublicAccessBlockSettings? = nil, regions: [String] = [],
        configRecorders: [ConfigRecorder] = [], accessAnalyzers: [AccessAnalyzer] = [], rootPasswordEnabled: Bool? = nil,
        serverCertificates: [ServerCertificate] = [], supportAccess: [String] = [], multiRegionTrails: [String]? = nil,
        coverage: [String] = []
    ) {
        self.id = id
        self.name = name
        self.provider = provider
        self.account = account
        self.region = region
        self.source = source
        self.rootMFA = rootMFA
        self.rootHardwareMFA = rootHardwareMFA
        self.rootAccessKeys = rootAccessKeys
        self.rootLastUsed = rootLastUsed
        self.passwordPolicy = passwordPolicy
        self.publicAccessBlock = publicAccessBlock
        self.regions = regions
        self.configRecorders = configRecorders
        self.accessAnalyzers = accessAnalyzers
        self.rootPasswordEnabled = rootPasswordEnabled
        self.serverCertificates = serverCertificates
        self.supportAccess = supportAccess
        self.multiRegionTrails = multiRegionTrails
        self.coverage = coverage
    }

    public static let schema = ObjectSchema("account", CommonFields.all + [
        FieldSchema("rootMFA", .enumeration(MFAStatus.allCases.map(\.rawValue)), "root user MFA"),
        FieldSchema("rootHardwareMFA", .bool, optional: true, "root MFA is a hardware device"),
        FieldSchema("rootAccessKeys", .int, optional: true, "active root access keys"),
        FieldSchema("rootLastUsed", .timestamp, optional: true, "last root sign-in or key use"),
        FieldSchema("passwordPolicy", .object(PasswordPolicy.self), optional: true, "absent when none is set"),
        FieldSchema("publicAccessBlock", .object(PublicAccessBlockSettings.self), optional: true, "account-level S3 public access block"),
        FieldSchema("regions", .list(.string), "regions known to the scan"),
        FieldSchema("configRecorders", .list(.object(ConfigRecorder.self)), "configuration recorders by region"),
        FieldSchema("accessAnalyzers", .list(.object(AccessAnalyzer.self)), "access analyzers by region"),
        FieldSchema("rootPasswordEnabled", .bool, optional: true, "root user has a console password"),
        FieldSchema("serverCertificates", .list(.object(ServerCertificate.self)), "IAM server certificates"),
        FieldSchema("supportAccess", .list(.string), "identities with AWSSupportAccess attached"),
        FieldSchema("multiRegionTrails", .list(.string), optional: true, "multi-region trails logging management read+write; absent without CloudTrail data"),
        FieldSchema("coverage", .list(.string), "data sets the input held"),
    ])
}

public struct ServerCertificate: Codable, Sendable, Hashable, SchemaDescribing {
    public var name: String
    public var arn: String?
    public var expiration: Date?

    public init(name: String, arn: String? = nil, expiration: Date? = nil) {
        self.name = name
        self.arn = arn
        self.expiration = expiration
    }

    public static let schema = ObjectSchema("serverCertificate", [
        FieldSchema("name", .string, "certificate name"),
        FieldSchema("arn", .string, optional: true, "ARN"),
        FieldSchema("expiration", .timestamp, optional: true, "expiry time"),
    ])
}

public struct PasswordPolicy: Codable, Sendable, Hashable, SchemaDescribing {
    public var minimumLength: Int
    public var requireUppercase: Bool
    public var requireLowercase: Bool
    public var requireNumbers: Bool
    public var requireSymbols: Bool
    /// Days before a password expires; absent when passwords do not expire.
    public var maxAgeDays: Int?
    /// How many previous passwords cannot be reused; absent when reuse is not prevented.
    public var reusePrevention: Int?
    public var allowUsersToChange: Bool
    public var hardExpiry: Bool

    public init(
        minimumLength: Int, requireUppercase: Bool = false, requireLowercase: Bool = false,
        requireNumbers: Bool = false, requireSymbols: Bool = false, maxAgeDays: Int? = nil,
        reusePrevention: Int? = nil, allowUsersToChange: Bool = false, hardExpiry: Bool = false
    ) {
        self.minimumLength = minimumLength
        self.requireUppercase = requireUppercase
        self.requireLowercase = requireLowercase
        self.requireNumbers = requireNumbers
        self.requireSymbols = requireSymbols
        self.maxAgeDays = maxAgeDays
        self.reusePrevention = reusePrevention
        self.allowUsersToChange = allowUsersToChange
        self.hardExpiry = hardExpiry
    }

    public static let schema = ObjectSchema("passwordPolicy", [
        FieldSchema("minimumLength", .int, "minimum password length"),
        FieldSchema("requireUppercase", .bool, "requires an uppercase letter"),
        FieldSchema("requireLowercase", .bool, "requires a lowercase letter"),
        FieldSchema("requireNumbers", .bool, "requires a digit"),
        FieldSchema("requireSymbols", .bool, "requires a symbol"),
        FieldSchema("maxAgeDays", .int, optional: true, "password expiry in days"),
        FieldSchema("reusePrevention", .int, optional: true, "previous passwords remembered"),
        FieldSchema("allowUsersToChange", .bool, "users may change their own password"),
        FieldSchema("hardExpiry", .bool, "expired passwords need an administrator reset"),
    ])
}

public struct ConfigRecorder: Codable, Sendable, Hashable, SchemaDescribing {
    public var region: String
    public var name: String
    public var recording: Bool
    public var allSupported: Bool
    public var includeGlobalResources: Bool

    public init(region: String, name: String, recording: Bool, allSupported: Bool, includeGlobalResources: Bool) {
        self.region = region
        self.name = name
        self.recording = recording
        self.allSupported = allSupported
        self.includeGlobalResources = includeGlobalResources
    }

    public static let schema = ObjectSchema("configRecorder", [
        FieldSchema("region", .string, "region"),
        FieldSchema("name", .string, "recorder name"),
        FieldSchema("recording", .bool, "currently recording"),
        FieldSchema("allSupported", .bool, "records all supported resource types"),
        FieldSchema("includeGlobalResources", .bool, "includes global resources such as IAM"),
    ])
}

public struct AccessAnalyzer: Codable, Sendable, Hashable, SchemaDescribing {
    public var region: String
    public var name: String
    /// `ACTIVE`, `CREATING`, `DISABLED`, `FAILED`.
    public var status: String
    /// `ACCOUNT`, `ORGANIZATION`, … .
    public var type: String

    public init(region: String, name: String, status: String, type: String) {
        self.region = region
        self.name = name
        self.status = status
        self.type = type
    }

    public static let schema = ObjectSchema("accessAnalyzer", [
        FieldSchema("region", .string, "region"),
        FieldSchema("name", .string, "analyzer name"),
        FieldSchema("status", .string, "ACTIVE, CREATING, DISABLED or FAILED"),
        FieldSchema("type", .string, "ACCOUNT or ORGANIZATION (or unused-access types)"),
    ])
}
