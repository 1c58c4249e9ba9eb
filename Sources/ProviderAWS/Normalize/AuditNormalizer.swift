import Model
import ProviderKit

/// CloudTrail trails, AWS Config recorders, KMS keys and IAM Access Analyzer analyzers: the
/// logging and monitoring side of an account.
///
/// Documents carry no account of their own: a resource's account comes from its ARN, else the
/// snapshot's default account — which is also the account that *observed* the regional
/// answers (an empty `list-analyzers` says something about the account that made the call).
enum AuditNormalizer {
    struct Result {
        var trails: [Trail] = []
        var keys: [EncryptionKey] = []
    }

    static func normalize(_ context: inout NormalizationContext, buckets: [Bucket]) -> Result {
        var coverage = Coverage()
        coverage.failProblems(context.snapshot.problems, account: context.defaultAccount)
        let trails = normalizeTrails(&context, buckets: buckets, coverage: &coverage)
        normalizeRecorders(&context, coverage: &coverage)
        let keys = normalizeKeys(&context, coverage: &coverage)
        normalizeAnalyzers(&context, coverage: &coverage)
        coverage.apply(to: &context)
        return Result(trails: trails, keys: keys)
    }

    /// Decodes a document for `account`; a failure is recorded (scan incomplete) and marks the
    /// call's data set failed for that account. Nil for an "absent" answer too.
    static func read<T: Decodable>(
        _ document: SnapshotDocument, as type: T.Type, account: String,
        context: inout NormalizationContext, coverage: inout Coverage
    ) -> T? {
        if document.isAbsentAnswer { return nil }
        guard let value = context.decode(document, as: type, account: account) else {
            coverage.fail(document.call.dataSet, account: account)
            return nil
        }
        return value
    }

    /// Records a document that decoded but cannot be used (e.g. a trail with neither name nor ARN).
    static func reject(
        _ document: SnapshotDocument, _ message: String, account: String,
        context: inout NormalizationContext, coverage: inout Coverage
    ) {
        let error = SnapshotError(source: document.source, call: document.call, region: document.region, message: message)
        context.record(error, dataSet: document.call.dataSet, account: account)
        coverage.fail(document.call.dataSet, account: account)
    }

    /// The region in an ARN (`arn:aws:kms:eu-west-1:…` → `eu-west-1`).
    static func region(inARN arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count >= 4, parts[0] == "arn", !parts[3].isEmpty else { return nil }
        return String(parts[3])
    }

    static func source(_ document: SnapshotDocument) -> ResourceSource {
        ResourceSource(kind: .file, location: document.source)
    }
}

extension AuditNormalizer {
    /// Which audit data sets each account's input held, and which failed (ProviderKit's ledger):
    /// a policy needing a failed data set is "not assessed", never passed.
    typealias Coverage = CoverageLedger
}

extension CoverageLedger {
    /// Files of an audit data set that could not be read at all fail it for the default account.
    mutating func failProblems(_ problems: [SnapshotError], account: String) {
        let audit: Set<String> = ["cloudtrail", "config", "kms", "access-analyzer"]
        for problem in problems {
            if let dataSet = problem.call?.dataSet, audit.contains(dataSet) { fail(dataSet, account: account) }
        }
    }

    /// Adds each account's covered data sets and seen regions to its facts (with
    /// `includingFailed`, also accounts where only failures were met, so their gap shows).
    func apply(to context: inout NormalizationContext, includingFailed: Bool = false) {
        for entry in accounts(includingFailed: includingFailed) {
            context.update(entry.account) { facts in
                facts.coverage.formUnion(entry.covered)
                facts.regions.formUnion(entry.regions)
            }
        }
    }
}
