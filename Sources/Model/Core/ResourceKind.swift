/// A resource kind policies iterate over, one at a time (`resource: bucket`). Open: the neutral
/// kinds are declared here, and a provider's model extension may add kinds of its own.
public struct ResourceKind: OpenName {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// One scanned account, project or subscription.
    public static let account: ResourceKind = "account"
    /// Users, roles, groups, service accounts, the root user.
    public static let identity: ResourceKind = "identity"
    /// Object-storage buckets.
    public static let bucket: ResourceKind = "bucket"
    /// Audit trails.
    public static let trail: ResourceKind = "trail"
    /// Customer- or provider-managed encryption keys.
    public static let key: ResourceKind = "key"
}
