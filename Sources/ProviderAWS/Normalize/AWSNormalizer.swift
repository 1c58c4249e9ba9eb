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
        // Every bucket sees its account's public access block.
        let blocks = Dictionary(inventory.accounts.compactMap { account in account.publicAccessBlock.map { (account.account, $0) } },
                                uniquingKeysWith: { first, _ in first })
        for index in inventory.buckets.indices where inventory.buckets[index].accountPublicAccessBlock == nil {
            inventory.buckets[index].accountPublicAccessBlock = blocks[inventory.buckets[index].account]
        }
        inventory.collectionErrors = snapshot.problems.map { problem in
            CollectionError(source: problem.source, region: problem.region, dataSet: problem.call?.dataSet, code: problem.code, message: problem.message)
        } + context.errors
        inventory.ignoredFiles = snapshot.ignored
        if snapshot.origin != .file { relabel(&inventory, as: snapshot.origin) }
        return inventory
    }

    /// Marks every resource as read from the API rather than a file (a live collection); the
    /// normalizer's steps name sources the same way for both.
    private static func relabel(_ inventory: inout Inventory, as kind: ResourceSource.Kind) {
        for index in inventory.accounts.indices { inventory.accounts[index].source.kind = kind }
        for index in inventory.identities.indices { inventory.identities[index].source.kind = kind }
        for index in inventory.buckets.indices { inventory.buckets[index].source.kind = kind }
        for index in inventory.trails.indices { inventory.trails[index].source.kind = kind }
        for index in inventory.keys.indices { inventory.keys[index].source.kind = kind }
    }

    /// One `Account` per account id met, with the facts every domain contributed.
    static func accounts(from context: NormalizationContext) -> [Account] {
        context.accounts.keys.sorted().map { id in
            let facts = context.accounts[id] ?? AccountFacts()
            let regions = facts.regions.union(context.snapshot.manifestRegions)
            return Account(
                id: "arn:aws:iam::\(id):root", name: id, provider: .aws, account: id,
                source: ResourceSource(kind: .file, location: facts.source ?? "snapshot"),
                rootMFA: facts.rootMFA ?? .unknown, rootHardwareMFA: facts.rootHardwareMFA, rootAccessKeys: facts.rootAccessKeys,
                rootLastUsed: facts.rootLastUsed, passwordPolicy: facts.passwordPolicy, publicAccessBlock: facts.publicAccessBlock,
                regions: regions.sorted(), configRecorders: facts.configRecorders, accessAnalyzers: facts.accessAnalyzers,
                rootPasswordEnabled: facts.rootPasswordEnabled, serverCertificates: facts.serverCertificates,
                supportAccess: facts.supportAccess.sorted(), multiRegionTrails: facts.multiRegionTrails?.sorted(),
                coverage: facts.coverage.sorted())
        }
    }
}
