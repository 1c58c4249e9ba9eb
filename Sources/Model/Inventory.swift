/// Everything one scan collected, normalized: the input of policy evaluation.
public struct Inventory: Codable, Sendable {
    public var accounts: [Account]
    public var identities: [Identity]
    public var buckets: [Bucket]
    public var trails: [Trail]

    public init(accounts: [Account] = [], identities: [Identity] = [], buckets: [Bucket] = [], trails: [Trail] = []) {
        self.accounts = accounts
        self.identities = identities
        self.buckets = buckets
        self.trails = trails
    }

    public var resourceCount: Int { accounts.count + identities.count + buckets.count + trails.count }
}
