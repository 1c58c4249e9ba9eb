import CEL

/// A cloud provider's id (`aws`, `gcp`, `azure`, or a test's own): an open value, declared by
/// each provider's model extension (`ProviderID.aws` in `Model/AWS`), so adding a provider
/// edits no list of providers.
public struct ProviderID: OpenName {
    public let rawValue: String
    /// The id as a CEL field name, hashed once: a resource's section is stored under it.
    public let key: FieldKey

    public init(rawValue: String) {
        self.rawValue = rawValue
        key = FieldKey(rawValue)
    }

    // Equal and hashed by the id alone (the key follows from it).
    public static func == (lhs: ProviderID, rhs: ProviderID) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
