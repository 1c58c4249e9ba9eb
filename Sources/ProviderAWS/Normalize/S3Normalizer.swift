import Foundation
import Model

/// S3: buckets with encryption, public access blocks, policy, ACL, logging, versioning, tags
/// and the derived public flag; the account-level public access block.
///
/// Buckets come from `list-buckets` (and from per-bucket answers about buckets it did not
/// list). A per-bucket call that is missing leaves its field absent (unknown); an "absent"
/// error answer (`NoSuchBucketPolicy`, …) is data; any other error answer or a document that
/// does not decode is a collection error for that bucket (the scan is incomplete) and the field
/// is not collected for that bucket, so the policies needing it are not assessed for it —
/// access denied on one bucket is not a clean pass, and does not hide the other buckets. A
/// listing that fails takes the `s3` data set from the account's coverage.
enum S3Normalizer {
    static func normalize(_ context: inout NormalizationContext) -> [Bucket] {
        let firstError = context.errors.count
        readAccountBlocks(&context)
        let listed = listedBuckets(&context)
        let documents = perBucketDocuments(&context)
        var buckets: [Bucket] = []
        var seen: Set<String> = []
        for entry in listed where seen.insert(entry.name).inserted {
            buckets.append(bucket(entry, documents: documents[entry.name] ?? [:], context: &context))
        }
        // Answers about a bucket the listing did not name (a partial export) still describe it.
        for name in documents.keys.sorted() where !seen.contains(name) {
            guard let first = documents[name]?.values.min(by: { $0.source < $1.source }) else { continue }
            let entry = ListedBucket(name: name, account: first.account ?? context.defaultAccount, source: first.source)
            buckets.append(bucket(entry, documents: documents[name] ?? [:], context: &context))
        }
        updateCoverage(&context, buckets: buckets, newErrors: Array(context.errors[firstError...].enumerated().map { ($0.offset + firstError, $0.element) }))
        return buckets
    }

    /// A bucket as the listing names it.
    struct ListedBucket {
        var name: String
        var account: String
        var source: String
        var created: Date?
        var listedRegion: String?
    }

    private static func listedBuckets(_ context: inout NormalizationContext) -> [ListedBucket] {
        var listed: [ListedBucket] = []
        for document in context.documents(.listBuckets) {
            let account = document.account ?? context.defaultAccount
            guard case let .value(answer) = read(document, S3Raw.ListBuckets.self, bucket: nil, account: account, context: &context) else { continue }
            for entry in answer.Buckets ?? [] {
                listed.append(ListedBucket(name: entry.Name, account: account, source: document.source,
                                           created: entry.CreationDate, listedRegion: entry.BucketRegion))
            }
        }
        return listed
    }

    /// The per-bucket answers by bucket name and call. Where one call was answered twice (an
    /// AWS Config history holds a bucket at several times), the later document wins.
    private static func perBucketDocuments(_ context: inout NormalizationContext) -> [String: [AWSCall: SnapshotDocument]] {
        var byBucket: [String: [AWSCall: SnapshotDocument]] = [:]
        for document in context.snapshot.documents where document.call.service == "s3" && document.call.subject == .bucket {
            guard let name = document.subject, !name.isEmpty else {
                let error = SnapshotError(source: document.source, call: document.call, region: document.region,
                                          message: "the answer names no bucket (expected s3/buckets/<bucket>/… or …--<bucket>.json)")
                context.record(error, dataSet: DataSet.s3.rawValue, account: document.account ?? context.defaultAccount)
                continue
            }
            byBucket[name, default: [:]][document.call] = document
        }
        return byBucket
    }

    /// The bucket with every field its documents give, and the derived public flag.
    private static func bucket(_ entry: ListedBucket, documents: [AWSCall: SnapshotDocument], context: inout NormalizationContext) -> Bucket {
        var bucket = Bucket(id: "arn:aws:s3:::\(entry.name)", name: entry.name, provider: .aws, account: entry.account,
                            region: entry.listedRegion, source: ResourceSource(kind: .file, location: entry.source), created: entry.created)
        let fields = S3BucketFields(bucket: entry.name, account: entry.account)
        if let document = documents[.getBucketLocation], let region = fields.region(document, &context) { bucket.region = region }
        // Each setting read without error is "collected", so that policies can tell "no bucket
        // policy" (collected, absent) from "bucket policy unknown" (not collected): not assessed.
        func read(_ call: AWSCall, _ name: String, _ apply: (SnapshotDocument) -> Void) {
            guard let document = documents[call] else { return }
            let errorsBefore = context.errors.count
            apply(document)
            if context.errors.count == errorsBefore { bucket.collected.append(name) }
        }
        var aws = AWSBucket()
        read(.getBucketEncryption, "encryption") { document in
            let read = fields.encryption(document, &context)
            bucket.encryption = read?.0
            aws.bucketKeyEnabled = read?.bucketKey
        }
        read(.getPublicAccessBlock, "publicAccessBlock") { aws.publicAccessBlock = fields.publicAccessBlock($0, &context) }
        read(.getBucketPolicy, "policy") { aws.policy = fields.policy($0, &context) }
        read(.getBucketAcl, "acl") { aws.acl = fields.acl($0, &context) ?? [] }
        read(.getBucketLogging, "logging") { bucket.logging = fields.logging($0, &context) }
        read(.getBucketVersioning, "versioning") { document in
            let read = fields.versioning(document, &context)
            bucket.versioning = read?.0
            aws.mfaDelete = read?.mfaDelete
        }
        read(.getBucketTagging, "tags") { bucket.tags = fields.tags($0, &context) ?? [:] }
        let policyStatus = documents[.getBucketPolicyStatus].flatMap { fields.policyStatus($0, &context) }
        aws.accountPublicAccessBlock = context.accounts[entry.account]?.publicAccessBlock
        let verdict = BucketExposure.evaluate(BucketExposure.Input(
            policy: aws.policy, acl: aws.acl, bucketBlock: aws.publicAccessBlock,
            accountBlock: aws.accountPublicAccessBlock, policyStatusIsPublic: policyStatus))
        bucket.public = verdict.isPublic
        bucket.publicReasons = verdict.reasons
        bucket.grants = AccessGrants.of(bucketPolicy: aws.policy, acl: aws.acl)
        bucket.aws = aws
        return bucket
    }

    /// `s3control get-public-access-block` → the account's block; an absent answer means none is set.
    private static func readAccountBlocks(_ context: inout NormalizationContext) {
        for document in context.documents(.getAccountPublicAccessBlock) {
            let account = document.account ?? context.defaultAccount
            switch read(document, S3Raw.PublicAccessBlock.self, bucket: nil, account: account, context: &context) {
            case let .value(answer):
                let settings = answer.PublicAccessBlockConfiguration.map(S3BucketFields.settings)
                context.update(account) { $0.publicAccessBlock = settings }
            case .absent, .failed:
                break
            }
        }
    }

    /// `s3` and `s3-account-public-access-block` for every account whose answers were present
    /// and all read; an account with any failed answer (or unreadable S3 file) loses the data set.
    private static func updateCoverage(_ context: inout NormalizationContext, buckets: [Bucket], newErrors: [(Int, CollectionError)]) {
        var failed: [String: Set<String>] = [:]
        for (index, error) in newErrors where !context.resourceScopedErrors.contains(index) {
            if let set = error.dataSet { failed[set, default: []].insert(error.account ?? context.defaultAccount) }
        }
        // An unreadable per-bucket file leaves that bucket's setting uncollected, like a failed call.
        for problem in context.snapshot.problems where problem.call?.subject != .bucket {
            if let set = problem.call?.dataSet { failed[set, default: []].insert(context.defaultAccount) }
        }
        // A listing without buckets still covers its account: it says there are none.
        var present: [String: Set<String>] = [DataSet.s3.rawValue: Set(buckets.map(\.account))]
        for document in context.documents(.listBuckets) { present[DataSet.s3.rawValue, default: []].insert(document.account ?? context.defaultAccount) }
        for document in context.documents(.getAccountPublicAccessBlock) {
            present[DataSet.s3AccountPublicAccessBlock.rawValue, default: []].insert(document.account ?? context.defaultAccount)
        }
        for (set, accounts) in present {
            for account in accounts {
                let ok = !(failed[set]?.contains(account) ?? false)
                context.update(account) { if ok { $0.coverage.insert(set) } }
            }
        }
    }

    /// A decoded answer, an "absent" answer, or a failure already recorded.
    enum Answer<T> {
        case value(T)
        case absent
        case failed
    }

    /// Decodes a document; a failure becomes a collection error naming the bucket.
    static func read<T: Decodable>(_ document: SnapshotDocument, _ type: T.Type, bucket: String?, account: String,
                                   context: inout NormalizationContext) -> Answer<T> {
        if document.isAbsentAnswer { return .absent }
        do throws(SnapshotError) {
            guard let value = try document.decode(type) else { return .absent }
            return .value(value)
        } catch {
            fail(error, bucket: bucket, account: account, context: &context)
            return .failed
        }
    }

    static func fail(_ error: SnapshotError, bucket: String?, account: String, context: inout NormalizationContext) {
        let message = bucket.map { "bucket \($0): \(error.message)" } ?? error.message
        let named = SnapshotError(source: error.source, call: error.call, region: error.region, code: error.code, message: message)
        if bucket != nil { context.resourceScopedErrors.insert(context.errors.count) }
        context.record(named, dataSet: error.call?.dataSet ?? DataSet.s3.rawValue, account: account)
    }
}
