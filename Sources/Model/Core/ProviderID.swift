import CEL

/// A cloud provider's id (`aws`, `gcp`, `azure`, or a test's own): an open value, declared by
/// each provider's model extension (`ProviderID.aws` in `Model/AWS`), so adding a provider
/// edits no list of providers.
public struct ProviderID: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    /// The id as a CEL field name, hashed once: a resource's section is stored under it.
    public let key: FieldKey

    public init(rawValue: String) {
        self.rawValue = rawValue
        key = FieldKey(rawValue)
    }

    public init(_ rawValue: String) { self.init(rawValue: rawValue) }

    public init(stringLiteral value: String) { self.init(rawValue: value) }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func == (lhs: ProviderID, rhs: ProviderID) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public static func < (lhs: ProviderID, rhs: ProviderID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}
