/// A resource kind policies iterate over, one at a time (`resource: bucket`). Open: the neutral
/// kinds are declared here, and a provider's model extension may add kinds of its own.
public struct ResourceKind: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }

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
