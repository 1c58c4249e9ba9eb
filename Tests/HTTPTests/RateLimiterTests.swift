import Foundation
import Testing
@testable import HTTP

/// A clock that moves only when the test says so.
final class ManualClock: HTTPClock {
    private let time = Locked(1000.0)

    func now() -> Double { time.withLock { $0 } }
    func advance(_ seconds: Double) { time.withLock { $0 += seconds } }
}

@Suite("Token buckets per rate key")
struct RateLimiterTests {
    @Test("a burst goes at once, then requests are spaced at the rate")
    func burstThenRate() {
        let clock = ManualClock()
        let limiter = RateLimiter(rate: 2, burst: 2, clock: clock)
        #expect((0..<5).map { _ in limiter.reserve("iam") } == [0, 0, 0.5, 1.0, 1.5])
    }

    @Test("time refills the bucket, never beyond the burst")
    func refill() {
        let clock = ManualClock()
        let limiter = RateLimiter(rate: 4, burst: 2, clock: clock)
        #expect([limiter.reserve("s3"), limiter.reserve("s3")] == [0, 0])
        clock.advance(0.25)
        #expect(limiter.reserve("s3") == 0, "one token came back")
        #expect(limiter.reserve("s3") == 0.25)
        clock.advance(60)
        #expect((0..<3).map { _ in limiter.reserve("s3") } == [0, 0, 0.25], "an hour idle still allows only the burst")
    }

    @Test("keys have their own budgets")
    func separateKeys() {
        let limiter = RateLimiter(rate: 1, burst: 1, clock: ManualClock())
        #expect(limiter.reserve("iam us-east-1") == 0)
        #expect(limiter.reserve("s3 eu-west-1") == 0)
        #expect(limiter.reserve("iam us-east-1") == 1)
    }

    @Test("a burst below one is raised to one: the first request never waits")
    func minimumBurst() {
        let limiter = RateLimiter(rate: 10, burst: 0, clock: ManualClock())
        #expect(limiter.reserve("k") == 0)
        #expect(limiter.reserve("k") == 0.1)
    }
}

@Suite("The client's rate cap")
struct ClientRateCapTests {
    @Test("requests sharing a rate key are spaced out at the rate")
    func clientHonoursRate() async throws {
        let server = try await TestServers.echo()
        let client = try HTTPClient(quickConfiguration { $0.maxRatePerKey = 20 })
        defer { client.shutdown() }
        // Burst 2, then 20 per second: ten requests need at least (10 - 2) / 20 = 0.4 s.
        let (_, capped) = try await measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<10 {
                    group.addTask { _ = try await client.send(HTTPRequest(url: server.url + "/r\(index)", rateKey: "iam")) }
                }
                try await group.waitForAll()
            }
        }
        #expect(capped >= 0.35)
        #expect(client.statistics.requestsFinished == 10)
    }
}
