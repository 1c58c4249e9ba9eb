/// Everything one scan collected, normalized: the input of policy evaluation.
public struct Inventory: Codable, Sendable {
    public var accounts: [Account]
    public var identities: [Identity]
    public var buckets: [Bucket]
    public var trails: [Trail]
    public var keys: [EncryptionKey]
    /// What the scan tried to read and could not; non-empty means the scan is incomplete.
    public var collectionErrors: [CollectionError]
    /// Input files that were not recognised, listed rather than silently dropped.
    public var ignoredFiles: [String]

    public init(
        accounts: [Account] = [], identities: [Identity] = [], buckets: [Bucket] = [], trails: [Trail] = [],
        keys: [EncryptionKey] = [], collectionErrors: [CollectionError] = [], ignoredFiles: [String] = []
    ) {
        self.accounts = accounts
        self.identities = identities
        self.buckets = buckets
        self.trails = trails
        self.keys = keys
        self.collectionErrors = collectionErrors
        self.ignoredFiles = ignoredFiles
    }

    public var resourceCount: Int { accounts.count + identities.count + buckets.count + trails.count + keys.count }

    /// True when something the scan tried to read failed.
    public var isIncomplete: Bool { !collectionErrors.isEmpty }
}
