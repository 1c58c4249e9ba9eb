/// Token buckets, one per rate key, that cap requests per second (`--max-rate`).
///
/// A caller *reserves* a token and is told how long to wait before using it; the bucket may go
/// into debt, so concurrent callers queue up behind each other at the set rate instead of all
/// waking at once. Pure arithmetic over an injected clock: the waiting itself is the client's.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    /// Tokens added per second.
    let rate: Double
    /// Tokens a bucket holds when idle: how many requests may go at once after a quiet spell.
    let burst: Double
    private let clock: any HTTPClock
    private let buckets = Locked<[String: Bucket]>([:])

    /// - Parameters:
    ///   - rate: requests per second per key; must be positive.
    ///   - burst: requests allowed back to back after an idle period (at least 1).
    ///   - clock: where time comes from; tests pass one they move by hand.
    init(rate: Double, burst: Double = 2, clock: any HTTPClock = MonotonicClock()) {
        self.rate = rate
        self.burst = max(1, burst)
        self.clock = clock
    }

    /// Takes one token from `key`'s bucket.
    /// - Returns: seconds to wait before sending (0 when a token was available).
    func reserve(_ key: String) -> Double {
        let now = clock.now()
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: burst, updated: now)
            bucket.tokens = min(burst, bucket.tokens + (now - bucket.updated) * rate)
            bucket.updated = now
            bucket.tokens -= 1
            buckets[key] = bucket
            return bucket.tokens >= 0 ? 0 : -bucket.tokens / rate
        }
    }
}
