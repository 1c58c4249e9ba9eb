import Foundation

/// MFA state. `unknown` is not `disabled`: the input did not say.
public enum MFAStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case enabled, disabled, unknown
}

/// A user, role, group, service account, or the account's root user.
public struct Identity: Resource, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        case user, role, group, serviceAccount, root
    }

    public static let kind = ResourceKind.identity
    public var id: String
    public var name: String
    public var provider: Provider
    public var account: String
    public var region: String?
    public var source: ResourceSource

    public var kind: Kind
    public var path: String?
    public var created: Date?
    /// Can sign in to the console with a password; absent when the input does not say.
    public var consoleAccess: Bool?
    public var lastConsoleLogin: Date?
    public var mfa: MFAStatus
    public var mfaDevices: [MFADevice]
    public var accessKeys: [AccessKey]
    /// The effective policy set: attached managed, inline, and inherited from groups.
    public var policies: [AttachedPolicy]
    /// Who may assume this identity (a role's trust policy).
    public var trust: PolicyDocument?
    public var groups: [String]
    /// The most recent sign-in or key use known.
    public var lastActivity: Date?
    public var tags: [String: String]

    public init(
        id: String, name: String, provider: Provider, account: String, region: String? = nil,
        source: ResourceSource, kind: Kind, path: String? = nil, created: Date? = nil,
        consoleAccess: Bool? = nil, lastConsoleLogin: Date? = nil, mfa: MFAStatus = .unknown,
        mfaDevices: [MFADevice] = [], accessKeys: [AccessKey] = [], policies: [AttachedPolicy] = [],
        trust: PolicyDocument? = nil, groups: [String] = [], lastActivity: Date? = nil, tags: [String: String] = [:]
    ) {
        self.id = id
        self.name = name
        self.provider = provider
        self.account = account
        self.region = region
        self.source = source
        self.kind = kind
        self.path = path
        self.created = created
        self.consoleAccess = consoleAccess
        self.lastConsoleLogin = lastConsoleLogin
        self.mfa = mfa
        self.mfaDevices = mfaDevices
        self.accessKeys = accessKeys
        self.policies = policies
        self.trust = trust
        self.groups = groups
        self.lastActivity = lastActivity
        self.tags = tags
    }

    public static let schema = ObjectSchema("identity", CommonFields.all + [
        FieldSchema("kind", .enumeration(Kind.allCases.map(\.rawValue)), "what sort of identity"),
        FieldSchema("path", .string, optional: true, "IAM path"),
        FieldSchema("created", .timestamp, optional: true, "creation time"),
        FieldSchema("consoleAccess", .bool, optional: true, "has a console password; absent when unknown"),
        FieldSchema("lastConsoleLogin", .timestamp, optional: true, "last console sign-in"),
        FieldSchema("mfa", .enumeration(MFAStatus.allCases.map(\.rawValue)), "enabled, disabled or unknown"),
        FieldSchema("mfaDevices", .list(.object(MFADevice.self)), "registered MFA devices"),
        FieldSchema("accessKeys", .list(.object(AccessKey.self)), "long-lived access keys"),
        FieldSchema("policies", .list(.object(AttachedPolicy.self)), "effective policy set"),
        FieldSchema("trust", .object(PolicyDocument.self), optional: true, "trust policy (roles)"),
        FieldSchema("groups", .list(.string), "group names this identity belongs to"),
        FieldSchema("lastActivity", .timestamp, optional: true, "most recent known activity"),
        FieldSchema("tags", .map(.string), "tags"),
    ])
}

public struct MFADevice: Codable, Sendable, Hashable, SchemaDescribing {
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable { case virtual, hardware, unknown }
    public var serial: String
    public var kind: Kind
    public var enabled: Date?

    public init(serial: String, kind: Kind, enabled: Date? = nil) {
        self.serial = serial
        self.kind = kind
        self.enabled = enabled
    }

    public static let schema = ObjectSchema("mfaDevice", [
        FieldSchema("serial", .string, "serial number or ARN"),
        FieldSchema("kind", .enumeration(Kind.allCases.map(\.rawValue)), "virtual, hardware or unknown"),
        FieldSchema("enabled", .timestamp, optional: true, "when it was enabled"),
    ])
}

public struct AccessKey: Codable, Sendable, Hashable, SchemaDescribing {
    public var id: String
    public var active: Bool
    public var created: Date?
    public var lastUsed: Date?
    public var lastUsedService: String?

    public init(id: String, active: Bool, created: Date? = nil, lastUsed: Date? = nil, lastUsedService: String? = nil) {
        self.id = id
        self.active = active
        self.created = created
        self.lastUsed = lastUsed
        self.lastUsedService = lastUsedService
    }

    public static let schema = ObjectSchema("accessKey", [
        FieldSchema("id", .string, "access key id (or the credential report slot, e.g. key1)"),
        FieldSchema("active", .bool, "whether the key is active"),
        FieldSchema("created", .timestamp, optional: true, "creation or last rotation time"),
        FieldSchema("lastUsed", .timestamp, optional: true, "last use; absent when never used"),
        FieldSchema("lastUsedService", .string, optional: true, "service of the last use"),
    ])
}

/// A policy in an identity's effective set.
public struct AttachedPolicy: Codable, Sendable, Hashable, SchemaDescribing {
    public enum ManagedBy: String, Codable, Sendable, Hashable, CaseIterable {
        /// A managed policy the cloud provider maintains (e.g. arn:aws:iam::aws:policy/…).
        case provider
        /// A managed policy the customer maintains.
        case customer
        /// An inline policy embedded in the identity or its group.
        case inline
    }

    public var name: String
    public var arn: String?
    public var managedBy: ManagedBy
    /// The group it is inherited from; absent when attached to the identity itself.
    public var viaGroup: String?
    public var document: PolicyDocument

    public init(name: String, arn: String? = nil, managedBy: ManagedBy, viaGroup: String? = nil, document: PolicyDocument) {
        self.name = name
        self.arn = arn
        self.managedBy = managedBy
        self.viaGroup = viaGroup
        self.document = document
    }

    public static let schema = ObjectSchema("attachedPolicy", [
        FieldSchema("name", .string, "policy name"),
        FieldSchema("arn", .string, optional: true, "ARN of a managed policy"),
        FieldSchema("managedBy", .enumeration(ManagedBy.allCases.map(\.rawValue)), "provider, customer or inline"),
        FieldSchema("viaGroup", .string, optional: true, "group it is inherited from"),
        FieldSchema("document", .object(PolicyDocument.self), "the policy document (default version)"),
    ])
}
