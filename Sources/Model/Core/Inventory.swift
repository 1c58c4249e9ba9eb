/// Everything one scan collected, normalized: the input of policy evaluation. Resources are
/// held per kind, for whatever kinds the catalogue has: `inventory[Bucket.self]`, or the
/// neutral kinds' names (`inventory.buckets`).
public struct Inventory: Sendable, Encodable {
    private var lists: [ResourceKind: any ResourceList] = [:]
    /// What the scan tried to read and could not; non-empty means the scan is incomplete.
    public var collectionErrors: [CollectionError]
    /// Input files that were not recognised, listed rather than silently dropped.
    public var ignoredFiles: [String]

    public init(collectionErrors: [CollectionError] = [], ignoredFiles: [String] = []) {
        self.collectionErrors = collectionErrors
        self.ignoredFiles = ignoredFiles
    }

    /// The resources of one kind.
    public subscript<R: Resource>(_ type: R.Type) -> [R] {
        get { (lists[R.kind] as? List<R>)?.items ?? [] }
        // Taken out of the dictionary while it is changed, so the array is uniquely owned
        // and `inventory.buckets[i].x = y` changes it in place instead of copying it.
        _modify {
            var items = (lists.removeValue(forKey: R.kind) as? List<R>)?.items ?? []
            defer { lists[R.kind] = List(items: items) }
            yield &items
        }
    }

    /// The kinds that have resources.
    public var kinds: [ResourceKind] { lists.keys.filter { lists[$0]?.count ?? 0 > 0 }.sorted() }

    /// The resources of `kind`, type-erased: what evaluation, reports and listings walk when the
    /// kind is known only at run time. Copies the list; `count(of:)` does not.
    public func resources(of kind: ResourceKind) -> [any Resource] { lists[kind]?.erased ?? [] }

    /// How many resources of `kind` there are.
    public func count(of kind: ResourceKind) -> Int { lists[kind]?.count ?? 0 }

    public var resourceCount: Int { lists.values.reduce(0) { $0 + $1.count } }

    /// True when something the scan tried to read failed.
    public var isIncomplete: Bool { !collectionErrors.isEmpty }

    /// Adds `other`'s resources, errors and ignored files after this inventory's own.
    public mutating func merge(_ other: Inventory) {
        for (kind, list) in other.lists { lists[kind] = lists[kind].map { $0.appending(list) } ?? list }
        collectionErrors += other.collectionErrors
        ignoredFiles += other.ignoredFiles
    }

    /// Each kind's resources under the kind's name, then the errors and ignored files (for
    /// comparing inventories in tests and for debugging; reports do not use it).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ModelCodingKey.self)
        for kind in lists.keys.sorted() { try lists[kind]?.encode(into: &container, key: ModelCodingKey(kind.rawValue)) }
        try container.encode(collectionErrors, forKey: ModelCodingKey("collectionErrors"))
        try container.encode(ignoredFiles, forKey: ModelCodingKey("ignoredFiles"))
    }

    /// Marks every resource as read from `kind` of source (the API, for a live collection).
    public mutating func relabelSources(as kind: ResourceSource.Kind) {
        for key in Array(lists.keys) { lists[key] = lists[key]?.relabelled(kind) }
    }
}

/// One kind's resources behind an existential, so that `Inventory` holds any kind.
private protocol ResourceList: Sendable {
    var count: Int { get }
    var erased: [any Resource] { get }
    func appending(_ other: any ResourceList) -> any ResourceList
    func relabelled(_ kind: ResourceSource.Kind) -> any ResourceList
    func encode(into container: inout KeyedEncodingContainer<ModelCodingKey>, key: ModelCodingKey) throws
}

private struct List<R: Resource>: ResourceList {
    var items: [R]
    var count: Int { items.count }
    var erased: [any Resource] { items }

    func appending(_ other: any ResourceList) -> any ResourceList {
        List(items: items + ((other as? List<R>)?.items ?? []))
    }

    func encode(into container: inout KeyedEncodingContainer<ModelCodingKey>, key: ModelCodingKey) throws {
        try container.encode(items, forKey: key)
    }

    func relabelled(_ kind: ResourceSource.Kind) -> any ResourceList {
        var copy = items
        for index in copy.indices { copy[index].source.kind = kind }
        return List(items: copy)
    }
}

extension Inventory {
    /// An inventory of the neutral kinds.
    public init(
        accounts: [Account] = [], identities: [Identity] = [], buckets: [Bucket] = [], trails: [Trail] = [],
        keys: [EncryptionKey] = [], collectionErrors: [CollectionError] = [], ignoredFiles: [String] = []
    ) {
        self.init(collectionErrors: collectionErrors, ignoredFiles: ignoredFiles)
        self.accounts = accounts
        self.identities = identities
        self.buckets = buckets
        self.trails = trails
        self.keys = keys
    }

    public var accounts: [Account] {
        get { self[Account.self] }
        _modify { yield &self[Account.self] }
    }

    public var identities: [Identity] {
        get { self[Identity.self] }
        _modify { yield &self[Identity.self] }
    }

    public var buckets: [Bucket] {
        get { self[Bucket.self] }
        _modify { yield &self[Bucket.self] }
    }

    public var trails: [Trail] {
        get { self[Trail.self] }
        _modify { yield &self[Trail.self] }
    }

    public var keys: [EncryptionKey] {
        get { self[EncryptionKey.self] }
        _modify { yield &self[EncryptionKey.self] }
    }
}
