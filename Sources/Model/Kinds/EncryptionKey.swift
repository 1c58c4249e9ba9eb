import Foundation

/// A key-management key (AWS KMS key, Cloud KMS key, Key Vault key).
public struct EncryptionKey: Resource {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    // model: schema key
    public enum Manager: String, Codable, Sendable, Hashable, CaseIterable {
        /// Keys the customer manages.
        case customer
        /// Keys the cloud manages for a service.
        case provider
    }

    public static let kind = ResourceKind.key

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

    /// who manages the key
    public var manager: Manager
    /// Enabled, Disabled, PendingDeletion, ...
    public var state: String?
    /// key spec, e.g. SYMMETRIC_DEFAULT
    public var spec: String?
    /// automatic rotation; absent when unknown or not applicable
    public var rotationEnabled: Bool?
    /// creation time
    public var created: Date?
    /// tags
    public var tags: [String: String]
    /// per-key settings the input held
    public var collected: [String]
    /// Provider sections (`key.aws`).
    public var sections: ResourceSections
}
