import Foundation
import Model

/// Turns a raw AWS snapshot into the provider-neutral inventory: one path for every input
/// (bundle, authorization-details file, AWS Config, credential report, live collection).
public enum AWSNormalizer {
    public static func normalize(_ snapshot: RawSnapshot) -> Inventory {
        var context = NormalizationContext(snapshot: snapshot)
        context.defaultAccount = AccountResolver.defaultAccount(snapshot)
        var inventory = Inventory()
        inventory.identities = IAMNormalizer.normalize(&context)
        let storage = S3Normalizer.normalize(&context)
        inventory.buckets = storage
        let audit = AuditNormalizer.normalize(&context, buckets: storage)
        inventory.trails = audit.trails
        inventory.keys = audit.keys
        inventory.accounts = accounts(from: context)
        // Every bucket sees its account's public access block, and who manages its key.
        let blocks = Dictionary(inventory.accounts.compactMap { account in account.aws.publicAccessBlock.map { (account.account, $0) } },
                                uniquingKeysWith: { first, _ in first })
        let keyManagers = KeyManagers(inventory.keys)
        for index in inventory.buckets.indices {
            if inventory.buckets[index].aws.accountPublicAccessBlock == nil {
                inventory.buckets[index].aws.accountPublicAccessBlock = blocks[inventory.buckets[index].account]
            }
            if let encryption = inventory.buckets[index].encryption, encryption.enabled {
                inventory.buckets[index].encryption?.keyManager = keyManagers.manager(of: encryption)
            }
        }
        inventory.collectionErrors = snapshot.problems.map { problem in
            CollectionError(source: problem.source, region: problem.region, dataSet: problem.call?.dataSet, code: problem.code, message: problem.message)
        } + context.errors
        inventory.ignoredFiles = snapshot.ignored
        if snapshot.origin != .file { inventory.relabelSources(as: snapshot.origin) }
        return inventory
    }

    /// One `Account` per account id met, with the facts every domain contributed.
    static func accounts(from context: NormalizationContext) -> [Account] {
        context.accounts.keys.sorted().map { id in
            let facts = context.accounts[id] ?? AccountFacts()
            let regions = facts.regions.union(context.snapshot.manifestRegions)
            let aws = AWSAccount(
                rootHardwareMFA: facts.rootHardwareMFA, rootAccessKeys: facts.rootAccessKeys, rootLastUsed: facts.rootLastUsed,
                rootPasswordEnabled: facts.rootPasswordEnabled, publicAccessBlock: facts.publicAccessBlock,
                configRecorders: facts.configRecorders, accessAnalyzers: facts.accessAnalyzers,
                serverCertificates: facts.serverCertificates, supportAccess: facts.supportAccess.sorted())
            return Account(
                id: "arn:aws:iam::\(id):root", name: id, provider: .aws, account: id,
                source: ResourceSource(kind: .file, location: facts.source ?? "snapshot"),
                rootMFA: facts.rootMFA ?? .unknown, passwordPolicy: facts.passwordPolicy, regions: regions.sorted(),
                multiRegionTrails: facts.multiRegionTrails?.sorted(), coverage: facts.coverage.sorted(), sections: aws.asSections)
        }
    }
}

/// Who manages the key of a bucket's default encryption: S3's own (SSE-S3, or SSE-KMS with the
/// `aws/s3` key) is the provider's; a KMS key the input lists says itself; any other key is
/// unknown, not assumed to be the customer's.
struct KeyManagers {
    private var byKey: [String: EncryptionKey.Manager] = [:]

    init(_ keys: [EncryptionKey]) {
        for key in keys {
            byKey[key.id] = key.manager
            byKey[key.name] = key.manager
        }
    }

    func manager(of encryption: BucketEncryption) -> EncryptionKey.Manager? {
        guard let algorithm = encryption.algorithm else { return nil }
        if algorithm == "AES256" { return .provider }
        guard algorithm.hasPrefix("aws:kms") else { return nil }
        guard let key = encryption.key, !key.isEmpty else { return .provider }
        if key == "alias/aws/s3" || key.hasSuffix(":alias/aws/s3") { return .provider }
        return byKey[key] ?? AuditNormalizer.keyId(inARN: key).flatMap { byKey[$0] }
    }
}
