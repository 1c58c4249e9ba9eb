import Foundation
import Testing
@testable import ProviderAWS

/// Counts fetches and hands out credentials that expire at a set time.
private actor CountingProvider: AWSCredentialProvider {
    var fetches = 0
    let lifetime: TimeInterval?
    let clock: Clock
    let delay: Duration

    init(lifetime: TimeInterval?, clock: Clock, delay: Duration = .zero) {
        self.lifetime = lifetime
        self.clock = clock
        self.delay = delay
    }

    func credentials() async throws(AWSCredentialError) -> AWSCredentials {
        fetches += 1
        let number = fetches
        if delay > .zero { try? await Task.sleep(for: delay) }
        return AWSCredentials(accessKeyId: "ASIA\(number)", secretAccessKey: "s", sessionToken: "t",
                              expiration: lifetime.map { clock.now.addingTimeInterval($0) }, source: "counting")
    }
}

/// A settable clock.
private final class Clock: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Date(timeIntervalSince1970: 1_700_000_000)
    var now: Date { lock.withLock { value } }
    func advance(_ seconds: TimeInterval) { lock.withLock { value += seconds } }
}

@Suite("Caching credential provider")
struct AWSCachingCredentialProviderTests {
    @Test("cached until five minutes before expiration, then refreshed")
    func refreshWindow() async throws {
        let clock = Clock()
        let base = CountingProvider(lifetime: 3600, clock: clock)
        let caching = AWSCachingCredentialProvider(base, now: { clock.now })
        #expect(try await caching.credentials().accessKeyId == "ASIA1")
        clock.advance(3600 - 301)
        #expect(try await caching.credentials().accessKeyId == "ASIA1")
        clock.advance(2)
        #expect(try await caching.credentials().accessKeyId == "ASIA2")
        #expect(await base.fetches == 2)
    }

    @Test("credentials without expiration are fetched once")
    func permanent() async throws {
        let clock = Clock()
        let base = CountingProvider(lifetime: nil, clock: clock)
        let caching = AWSCachingCredentialProvider(base, now: { clock.now })
        for _ in 0..<5 { _ = try await caching.credentials(); clock.advance(86_400) }
        #expect(await base.fetches == 1)
    }

    @Test("fifty concurrent callers share one refresh")
    func singleFlight() async throws {
        let clock = Clock()
        let base = CountingProvider(lifetime: 3600, clock: clock, delay: .milliseconds(200))
        let caching = AWSCachingCredentialProvider(base, now: { clock.now })
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<50 { group.addTask { try await caching.credentials().accessKeyId } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(keys == ["ASIA1"])
        #expect(await base.fetches == 1)
    }

    @Test("a failed refresh is not cached: the next call tries again")
    func failureNotCached() async throws {
        actor Flaky: AWSCredentialProvider {
            var calls = 0
            func credentials() async throws(AWSCredentialError) -> AWSCredentials {
                calls += 1
                if calls == 1 { throw AWSCredentialError(.retrievalFailed, "flaky", "first call fails") }
                return AWSCredentials(accessKeyId: "AKIAOK", secretAccessKey: "s", source: "flaky")
            }
        }
        let caching = AWSCachingCredentialProvider(Flaky())
        await #expect(throws: AWSCredentialError(.retrievalFailed, "flaky", "first call fails")) { try await caching.credentials() }
        #expect(try await caching.credentials().accessKeyId == "AKIAOK")
    }
}
