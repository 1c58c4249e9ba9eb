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
        /// Attempts retried so far (throttling, resets, timeouts).
        public var retries = 0
    }

    private let lock = NSLock()
    private var counts = Counts()
    private var retrySource: (@Sendable () -> Int)?

    public init() {}

    public func started() { lock.withLock { counts.started += 1 } }

    public func finished(failed: Bool) {
        lock.withLock {
            counts.finished += 1
            if failed { counts.failed += 1 }
        }
    }

    /// Where the retry count comes from (the collector's HTTP client), once it exists.
    public func countRetries(_ source: @escaping @Sendable () -> Int) {
        lock.withLock { retrySource = source }
    }

    public func snapshot() -> Counts {
        let source = lock.withLock { retrySource }
        var current = lock.withLock { counts }
        current.retries = source?() ?? 0
        return current
    }
}
