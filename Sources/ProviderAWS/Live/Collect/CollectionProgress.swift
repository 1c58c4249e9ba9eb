import Foundation

/// Counts a live collection's calls as they start and finish, for the progress line. Shared
/// by every task of the collection; reads are cheap snapshots.
public final class CollectionProgress: @unchecked Sendable {
    public struct Counts: Sendable, Equatable {
        /// Calls planned so far (the total grows as buckets, trails and keys are discovered).
        public var started = 0
        public var finished = 0
        /// Calls that ended with an error other than "not configured".
        public var failed = 0
    }

    private let lock = NSLock()
    private var counts = Counts()

    public init() {}

    func started() { lock.withLock { counts.started += 1 } }

    func finished(failed: Bool) {
        lock.withLock {
            counts.finished += 1
            if failed { counts.failed += 1 }
        }
    }

    public func snapshot() -> Counts { lock.withLock { counts } }
}
