import CEL

/// Which fields of a resource to convert into its CEL value: those the loaded policies read.
///
/// A policy on buckets that reads `bucket.name` and `bucket.encryption` needs neither the
/// bucket's grants nor its policy document converted; converting every field of every resource
/// was most of an evaluation's cost once resources carried grants and provider sections. The
/// policy loader works out the fields from each expression's syntax tree; a policy that uses
/// the resource as a whole (passes it to a function, renders it) selects every field.
public struct FieldSelection: Sendable, Hashable {
    private let keys: Set<FieldKey>?

    /// Every field.
    public static let all = FieldSelection(keys: nil)

    /// Only these top-level fields (the names of a kind's fields, or a provider's section).
    public init(_ names: some Sequence<String>) { keys = Set(names.map(FieldKey.init)) }

    private init(keys: Set<FieldKey>?) { self.keys = keys }

    @inline(__always)
    public func contains(_ key: FieldKey) -> Bool { keys?.contains(key) ?? true }

    /// Every field of either.
    public func union(_ other: FieldSelection) -> FieldSelection {
        guard let keys, let more = other.keys else { return .all }
        return FieldSelection(keys: keys.union(more))
    }
}
