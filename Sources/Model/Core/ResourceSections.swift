import CEL

/// The provider sections of one resource (`bucket.aws`), at most one per provider.
///
/// Open: a provider's model extension declares its section types, so a provider adds facts to
/// the neutral kinds without editing them. Read and write a section through its type
/// (`sections[AWSBucket.self]`), or the accessor its module declares (`bucket.aws`).
public struct ResourceSections: Sendable, Hashable, Encodable {
    private var storage: [ProviderID: any ResourceSection] = [:]

    public init() {}

    public subscript<S: ResourceSection>(_ type: S.Type) -> S? {
        get { storage[S.provider] as? S }
        set { storage[S.provider] = newValue }
    }

    /// The providers with a section here, sorted.
    public var providers: [ProviderID] { storage.keys.sorted() }

    public var isEmpty: Bool { storage.isEmpty }

    /// Appends each section under its provider's name, in provider order: those `selection`
    /// selects, each with the fields selected within it (`identity.aws.policies`).
    public func append(to fields: inout CELMap.Fields, _ conversion: inout CELConversion, selection: FieldSelection = .all) {
        for provider in providers where selection.contains(provider.key) {
            guard let section = storage[provider] else { continue }
            fields.append(provider.key, section.celValue(&conversion, fields: selection.within(provider.key)))
        }
    }

    /// Encodes each section under its provider's name into `container` (resources flatten their
    /// sections beside their own fields, as policies see them).
    public func encode(into container: inout KeyedEncodingContainer<ModelCodingKey>) throws {
        for provider in providers {
            guard let section = storage[provider] else { continue }
            try section.encode(to: container.superEncoder(forKey: ModelCodingKey(provider.rawValue)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ModelCodingKey.self)
        try encode(into: &container)
    }

    public static func == (lhs: ResourceSections, rhs: ResourceSections) -> Bool {
        lhs.providers == rhs.providers && lhs.providers.allSatisfy { AnyHashable(lhs.storage[$0]!) == AnyHashable(rhs.storage[$0]!) }
    }

    public func hash(into hasher: inout Hasher) {
        for provider in providers {
            hasher.combine(provider)
            if let section = storage[provider] { hasher.combine(AnyHashable(section)) }
        }
    }
}

/// A coding key made from any string: resources encode their sections under provider names.
public struct ModelCodingKey: CodingKey, Sendable {
    public let stringValue: String
    public var intValue: Int? { nil }
    public init(_ string: String) { stringValue = string }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue _: Int) { nil }
}

extension ResourceSection {
    /// A resource's sections holding just this one (for initialisers).
    public var asSections: ResourceSections {
        var sections = ResourceSections()
        sections[Self.self] = self
        return sections
    }
}
