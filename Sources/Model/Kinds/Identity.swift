import Foundation

/// A user, role, group, service account, or the account's root user.
public struct Identity: Resource {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        case user, role, group, serviceAccount, root
    }

    public static let kind = ResourceKind.identity

    /// provider-unique id: the ARN where one exists
    public var id: String
    /// display name
    public var name: String
    /// the cloud
    public var provider: ProviderID
    /// account, project or subscription id
    public var account: String
    /// region, for regional resources
    public var region: String?
    /// where the data came from
    public var source: ResourceSource

    /// what sort of identity
    public var kind: Kind
    /// creation time
    public var created: Date?
    /// has a console password; absent when unknown
    /// Can sign in to the console with a password; absent when the input does not say.
    public var consoleAccess: Bool?
    /// last console sign-in
    public var lastConsoleLogin: Date?
    /// enabled, disabled or unknown
    public var mfa: MFAStatus = .unknown
    /// registered MFA devices
    public var mfaDevices: [MFADevice]
    /// long-lived access keys
    public var accessKeys: [AccessKey]
    /// what the identity may do where (its Allow grants, from every policy it holds)
    /// Derived by the normalizer, in every provider's terms, so that "admin" and "can
    /// escalate" are asked the same way everywhere; the provider's own documents stay in its
    /// section (`identity.aws.policies`).
    public var grants: [AccessGrant]
    /// group names this identity belongs to
    public var groups: [String]
    /// most recent known activity
    /// The most recent sign-in or key use known.
    public var lastActivity: Date?
    /// tags
    public var tags: [String: String]
    /// per-identity settings the input held
    public var collected: [String]
    /// Provider sections (`identity.aws`).
    public var sections: ResourceSections
}

/// An MFA device registered to an identity.
public struct MFADevice: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable { case virtual, hardware, unknown }

    /// serial number or ARN
    public var serial: String
    /// virtual, hardware or unknown
    public var kind: Kind
    /// when it was enabled
    public var enabled: Date?
}

/// A long-lived access key (or a credential report's key slot).
public struct AccessKey: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    /// access key id (or the credential report slot, e.g. key1)
    public var id: String
    /// whether the key is active
    public var active: Bool
    /// creation or last rotation time
    public var created: Date?
    /// last use; absent when never used
    public var lastUsed: Date?
    /// service of the last use
    public var lastUsedService: String?
}
