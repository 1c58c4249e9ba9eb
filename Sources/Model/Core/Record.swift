import CEL
import Foundation

/// A model value policies can read. It describes its fields (`schema`, which the policy
/// checker trusts) and turns itself into the CEL value policies evaluate (`celValue`); both are
/// generated from its stored properties by `scripts/generate-model.py`, so a field is declared
/// once.
public protocol Record: Encodable, Sendable, Hashable, SchemaDescribing {
    /// The value as policies see it: a map of the fields that are present (an absent optional
    /// is an absent key, so `has(x.field)` tells present from absent).
    func celValue(_ conversion: inout CELConversion) -> CELValue
    /// The value with only the fields `fields` selects (the ones the policies read). Resources
    /// and provider sections honour the selection; other records convert whole.
    func celValue(_ conversion: inout CELConversion, fields: FieldSelection) -> CELValue
}

extension Record {
    /// A record written by hand may convert every field whatever is selected.
    public func celValue(_ conversion: inout CELConversion, fields _: FieldSelection) -> CELValue { celValue(&conversion) }
}

/// What every resource kind has: identity, place, origin, tags, what the input held about it,
/// and the sections of providers that know more about it.
public protocol Resource: Record {
    static var kind: ResourceKind { get }
    /// Provider-unique: ARN, full resource name, or Azure resource id.
    var id: String { get }
    var name: String { get }
    var provider: ProviderID { get }
    /// Account, project or subscription id.
    var account: String { get }
    var region: String? { get }
    var source: ResourceSource { get set }
    var tags: [String: String] { get }
    /// The per-resource settings the input held and could read (`policy`, `acl`, …). A setting
    /// not listed is unknown, even when its field is empty: policies name what they need with
    /// `requires: [bucket.policy]`, and are *not assessed* on resources that lack it.
    var collected: [String] { get }
    /// Provider-specific facts (`bucket.aws`), one section per provider.
    var sections: ResourceSections { get set }
}

/// One provider's facts about a resource kind, read by policies as `bucket.aws.…`. Declared
/// beside the model (`Model/AWS/…`) and registered by the provider's `ModelExtension`.
public protocol ResourceSection: Record {
    /// The kind the section extends.
    static var kind: ResourceKind { get }
    /// The provider whose facts it holds; also its field name on the resource.
    static var provider: ProviderID { get }
    /// The section with nothing known: every list empty, every optional absent.
    init()
}

/// Types that describe their own fields for the schema.
public protocol SchemaDescribing {
    static var schema: ObjectSchema { get }
}
