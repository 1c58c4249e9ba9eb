import Foundation

/// A key-management key (AWS KMS key, Cloud KMS key, Key Vault key).
public struct EncryptionKey: Resource, Hashable {
    public static let kind = ResourceKind.key
    public var id: String
    public var name: String
    public var provider: Provider
    public var account: String
    public var region: String?
    public var source: ResourceSource

    /// `customer` for keys the customer manages, `provider` for keys the cloud manages for a service.
    public var manager: String
    /// e.g. `Enabled`, `Disabled`, `PendingDeletion`.
    public var state: String?
    /// e.g. `SYMMETRIC_DEFAULT`, `RSA_2048`.
    public var spec: String?
    /// Automatic rotation; absent when unknown or not applicable (asymmetric keys).
    public var rotationEnabled: Bool?
    public var created: Date?

    public init(
        id: String, name: String, provider: Provider, account: String, region: String? = nil, source: ResourceSource,
        manager: String, state: String? = nil, spec: String? = nil, rotationEnabled: Bool? = nil, created: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.provider = provider
        self.account = account
        self.region = region
        self.source = source
        self.manager = manager
        self.state = state
        self.spec = spec
        self.rotationEnabled = rotationEnabled
        self.created = created
    }

    public static let schema = ObjectSchema("key", CommonFields.all + [
        FieldSchema("manager", .enumeration(["customer", "provider"]), "who manages the key"),
        FieldSchema("state", .string, optional: true, "Enabled, Disabled, PendingDeletion, ..."),
        FieldSchema("spec", .string, optional: true, "key spec, e.g. SYMMETRIC_DEFAULT"),
        FieldSchema("rotationEnabled", .bool, optional: true, "automatic rotation; absent when unknown or not applicable"),
        FieldSchema("created", .timestamp, optional: true, "creation time"),
    ])
}
