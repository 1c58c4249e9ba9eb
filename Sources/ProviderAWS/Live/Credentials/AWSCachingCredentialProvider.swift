import Foundation

/// Caches another provider's credentials and refreshes them shortly before they expire.
///
/// Cached credentials are returned until `refreshWindow` (5 minutes) before their expiration;
/// credentials without an expiration are kept for good. Concurrent callers that find the cache
/// stale share one refresh: the first starts it, the others await the same task, so a scan
/// with 16 requests in flight calls STS once, not 16 times.
public actor AWSCachingCredentialProvider: AWSCredentialProvider {
    public nonisolated let base: any AWSCredentialProvider
    public nonisolated let refreshWindow: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: AWSCredentials?
    private var refreshing: Task<Result<AWSCredentials, AWSCredentialError>, Never>?

    /// - Parameters:
    ///   - base: the provider to call when the cache is empty or stale.
    ///   - initial: credentials already fetched (the chain's probe of instance metadata).
    ///   - refreshWindow: how long before expiration to refresh; 5 minutes, as the SDKs'
    ///     mandatory refresh window.
    ///   - now: the clock, injectable for tests.
    public init(_ base: any AWSCredentialProvider, initial: AWSCredentials? = nil,
                refreshWindow: TimeInterval = 300, now: @escaping @Sendable () -> Date = { Date() }) {
        self.base = base
        self.cached = initial
        self.refreshWindow = refreshWindow
        self.now = now
    }

    public func credentials() async throws(AWSCredentialError) -> AWSCredentials {
        if let cached, isFresh(cached) { return cached }
        let task: Task<Result<AWSCredentials, AWSCredentialError>, Never>
        if let refreshing {
            task = refreshing
        } else {
            let base = self.base
            task = Task {
                do throws(AWSCredentialError) {
                    return .success(try await base.credentials())
                } catch {
                    return .failure(error)
                }
            }
            refreshing = task
        }
        let result = await task.value
        // Only the first awaiter to resume clears the shared task; later ones find it replaced
        // or nil, and the stored credentials already updated.
        if refreshing == task { refreshing = nil }
        let fetched = try result.get()
        // botocore refuses refreshed credentials that are already expired; so do we, rather
        // than send requests that can only fail with ExpiredToken.
        if let expiration = fetched.expiration, expiration <= now() {
            throw AWSCredentialError(.retrievalFailed, fetched.source,
                                     "the credentials returned expired at \(expiration.formatted(.iso8601))")
        }
        cached = fetched
        return fetched
    }

    /// Drops the cached credentials, so that the next call fetches (after an auth failure).
    public func invalidate() { cached = nil }

    private func isFresh(_ credentials: AWSCredentials) -> Bool {
        guard let expiration = credentials.expiration else { return true }
        return now().addingTimeInterval(refreshWindow) < expiration
    }
}
