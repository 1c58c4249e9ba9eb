import Foundation

/// What a live collection gathered: every answer filed under its bundle path, and the
/// account and regions it covered. `snapshot` is what the normalizer reads; `posture snapshot`
/// writes `entries` as files, and reading those files back gives the same snapshot.
public struct LiveCollection: Sendable {
    public struct Entry: Sendable {
        /// Bundle-relative path (`s3/buckets/logs/get-bucket-acl.json`).
        public var path: String
        public var document: SnapshotDocument
    }

    public var entries: [Entry]
    public var account: String
    public var regions: [String]
    public var collected: Date
    /// API requests sent (pages and retries of the credential report poll included).
    public var requests: Int
    /// Calls that could not be filed (a name that cannot be a path): they are also problems
    /// in `snapshot`, so the scan reports them as incomplete.
    public var unfiled: [SnapshotError]

    /// The raw snapshot for the normalizer: what an offline read of the written bundle gives.
    public var snapshot: RawSnapshot {
        var snapshot = RawSnapshot()
        snapshot.documents = entries.map(\.document)
        snapshot.problems = unfiled
        snapshot.manifestAccount = account
        snapshot.manifestRegions = regions
        snapshot.collected = collected
        return snapshot
    }

    /// The answers that were errors other than "not configured": what made the scan incomplete.
    public var failedCalls: [SnapshotDocument] {
        entries.map(\.document).filter { document in
            if case .error = document.payload { return !document.isAbsentAnswer }
            return false
        }
    }
}

/// Why a live collection could not start: without the caller's identity (or, for
/// `--regions all`, the region list) there is no account to scan.
public struct LiveCollectionError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
