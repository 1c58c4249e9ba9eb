import CEL

/// Which fields of a resource to convert into its CEL value: those the loaded policies read,
/// and within a provider section (`identity.aws`) the section's fields they read.
///
/// A policy on buckets that reads `bucket.name` and `bucket.encryption` needs neither the
/// bucket's grants nor its policy document converted; converting every field of every resource
/// was most of an evaluation's cost once resources carried grants and provider sections. The
/// policy loader works out the fields from each expression's syntax tree; a policy that uses
/// the resource as a whole (passes it to a function, renders it) selects every field.
///
/// A selection is a tree of field names: `bucket.aws.versioning` selects `aws`, and within it
/// `versioning`. Resources and provider sections honour it; other records convert whole.
public struct FieldSelection: Sendable, Hashable {
    /// nil: every field. Otherwise each selected field with what of it is selected.
    private let fields: [FieldKey: FieldSelection]?

    /// Every field.
    public static let all = FieldSelection(fields: nil)

    /// Only these fields, each whole (the names of a kind's fields, or a provider's section).
    public init(_ names: some Sequence<String>) {
        fields = Dictionary(names.map { (FieldKey($0), FieldSelection.all) }, uniquingKeysWith: { first, _ in first })
    }

    /// Only these fields, each with its own selection (`["aws": FieldSelection(["policies"])]`).
    public init(_ fields: [String: FieldSelection]) {
        self.fields = Dictionary(fields.map { (FieldKey($0.key), $0.value) }, uniquingKeysWith: { $0.union($1) })
    }

    private init(fields: [FieldKey: FieldSelection]?) { self.fields = fields }

    /// Whether the field is selected (in whole or in part).
    @inline(__always)
    public func contains(_ key: FieldKey) -> Bool { fields.map { $0[key] != nil } ?? true }

    /// What is selected within the field: `.all` when the field is selected whole, or when
    /// everything is.
    public func within(_ key: FieldKey) -> FieldSelection { fields?[key] ?? .all }

    /// Every field of either, and within a field what either selects of it.
    public func union(_ other: FieldSelection) -> FieldSelection {
        guard let fields, let more = other.fields else { return .all }
        return FieldSelection(fields: fields.merging(more) { $0.union($1) })
    }
}
