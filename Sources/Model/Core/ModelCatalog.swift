/// The model as the loaded providers shape it: the one kind list, each kind's schema with the
/// providers' sections, and each provider's data sets and settings. Built once (by the
/// provider registry) and passed as a value to every layer that needs it: the policy loader
/// checks fields and `requires:` against it, the evaluator and reports iterate its kinds.
public struct ModelCatalog: Sendable {
    /// The neutral kinds, in the order every layer lists them (accounts first, keys last).
    public static let neutralKinds: [KindDescriptor] = [
        KindDescriptor(Account.self), KindDescriptor(Identity.self), KindDescriptor(Bucket.self),
        KindDescriptor(Trail.self), KindDescriptor(EncryptionKey.self),
    ]

    /// The neutral model with no provider: what a catalogue starts from.
    public static let neutral = ModelCatalog(kinds: neutralKinds, extensions: [])

    public let kinds: [KindDescriptor]
    public let extensions: [ModelExtension]
    private let schemas: [ResourceKind: ObjectSchema]

    private init(kinds: [KindDescriptor], extensions: [ModelExtension]) {
        self.kinds = kinds
        self.extensions = extensions
        var schemas: [ResourceKind: ObjectSchema] = [:]
        for descriptor in kinds {
            let sections = extensions.flatMap(\.sections).filter { $0.kind == descriptor.kind }.sorted { $0.provider < $1.provider }
            schemas[descriptor.kind] = descriptor.coreSchema.adding(sections.map { section in
                FieldSchema(section.provider.rawValue, .object(section.schema), optional: true,
                            "\(section.provider) facts (present on \(section.provider) resources)")
            })
        }
        self.schemas = schemas
    }

    /// The catalogue with `extension` registered; fails when its provider is already there, or
    /// it declares a kind or section twice.
    public func adding(_ addition: ModelExtension) throws(CatalogError) -> ModelCatalog {
        guard !extensions.contains(where: { $0.provider == addition.provider }) else {
            throw CatalogError("provider '\(addition.provider)' is registered twice")
        }
        let known = Set(kinds.map(\.kind))
        for kind in addition.kinds where known.contains(kind.kind) {
            throw CatalogError("provider '\(addition.provider)' declares kind '\(kind.kind)', which already exists")
        }
        let allKinds = kinds + addition.kinds
        for section in addition.sections where !allKinds.contains(where: { $0.kind == section.kind }) {
            throw CatalogError("provider '\(addition.provider)' adds a section to the unknown kind '\(section.kind)'")
        }
        let duplicate = Dictionary(grouping: addition.sections, by: \.kind).first { $0.value.count > 1 }
        if let duplicate { throw CatalogError("provider '\(addition.provider)' declares two sections on '\(duplicate.key)'") }
        return ModelCatalog(kinds: allKinds, extensions: extensions + [addition])
    }

    /// The providers registered, in registration order.
    public var providers: [ProviderID] { extensions.map(\.provider) }

    public func descriptor(_ kind: ResourceKind) -> KindDescriptor? { kinds.first { $0.kind == kind } }

    /// The kind's schema: its core fields, then one optional field per provider section.
    public func schema(_ kind: ResourceKind) -> ObjectSchema? { schemas[kind] }

    /// How reports name each registered provider.
    public var profiles: [ProviderID: ProviderProfile] {
        Dictionary(uniqueKeysWithValues: extensions.map { ($0.provider, $0.profile) })
    }

    /// The data sets `provider` declares.
    public func dataSets(of provider: ProviderID) -> [DataSet] {
        extensions.first { $0.provider == provider }?.dataSets ?? []
    }

    /// The per-resource settings `provider` records on `kind`.
    public func settings(of provider: ProviderID, on kind: ResourceKind) -> [String] {
        extensions.first { $0.provider == provider }?.settings[kind] ?? []
    }

    /// The kinds a provider's policies may target: the neutral ones, and its own.
    public func kinds(for provider: ProviderID) -> [ResourceKind] {
        let own = extensions.first { $0.provider == provider }?.kinds.map(\.kind) ?? []
        return Self.neutralKinds.map(\.kind) + own
    }
}

/// A model extension that cannot be registered.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
