import Foundation
import Model

/// Shared state while one snapshot is normalized: the documents by call, the account each
/// belongs to, the facts gathered per account, and the errors met.
struct NormalizationContext {
    let snapshot: RawSnapshot
    /// The account to use when a document names none (manifest, caller identity, or ARNs).
    var defaultAccount: String
    var accounts: [String: AccountFacts] = [:]
    var errors: [CollectionError] = []
    /// Indices into `errors` of failures that concern one resource's setting (a bucket's
    /// policy): the resource records the setting as not collected, so its policies are not
    /// assessed for it, and the account keeps the data set for every other resource.
    var resourceScopedErrors: Set<Int> = []

    init(snapshot: RawSnapshot) {
        self.snapshot = snapshot
        defaultAccount = snapshot.manifestAccount ?? "unknown"
    }

    func documents(_ call: AWSCall) -> [SnapshotDocument] { snapshot.documents(call) }

    /// Decodes a document; a failure is recorded as a collection error (scan incomplete) and
    /// returns nil, as does an "absent" answer (check `document.isAbsentAnswer` for that).
    mutating func decode<T: Decodable>(_ document: SnapshotDocument, as type: T.Type, account: String? = nil) -> T? {
        do {
            return try document.decode(type)
        } catch {
            record(error, dataSet: document.call.dataSet, account: account ?? defaultAccount)
            return nil
        }
    }

    mutating func record(_ error: SnapshotError, dataSet: String?, account: String?) {
        errors.append(CollectionError(
            source: Self.source(of: error), account: account, region: error.region,
            dataSet: dataSet, code: error.code, message: error.message))
    }

    /// A file's path with the call it holds (`iam/x.json (iam:GetAccountSummary)`); a live
    /// call's label already starts with the call and is kept as it is.
    static func source(of error: SnapshotError) -> String {
        guard let call = error.call, !error.source.hasPrefix(call.action) else { return error.source }
        return "\(error.source) (\(call.action))"
    }

    mutating func update(_ account: String, _ change: (inout AccountFacts) -> Void) {
        var facts = accounts[account, default: AccountFacts()]
        change(&facts)
        accounts[account] = facts
    }

    /// The account id in an ARN (`arn:aws:iam::123456789012:user/x` → `123456789012`).
    static func account(inARN arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count >= 5, parts[0] == "arn", !parts[4].isEmpty else { return nil }
        return String(parts[4])
    }
}
