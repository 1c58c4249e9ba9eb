import Foundation
import PostureTesting
import Testing
@testable import HTTP

/// One kind of injected fault, as the fault proxy names it.
struct FaultCase: Sendable, CustomStringConvertible {
    var kind: String
    var headers: [HTTPHeader] = []
    var description: String { headers.isEmpty ? kind : "\(kind) (JSON protocol)" }

    static let all = [
        FaultCase(kind: "slowdown"),
        FaultCase(kind: "throttle"),
        FaultCase(kind: "throttle", headers: [HTTPHeader("X-Amz-Target", "TrailService.DescribeTrails")]),
        FaultCase(kind: "reset"),
        FaultCase(kind: "truncate"),
    ]
}

/// The AWS layer's rule, in small: a 400 whose body names throttling is worth a retry.
let throttlingClassifier: RetryClassifier = { response in
    let body = String(decoding: response.body, as: UTF8.self)
    return response.status == 400 && (body.contains("<Code>Throttling</Code>") || body.contains("\"ThrottlingException\""))
}

@Suite("Retries through the fault proxy")
struct RetryTests {
    @Test("two injected faults of each kind are retried away: the answer equals the clean one", arguments: FaultCase.all)
    func retriedAway(fault: FaultCase) async throws {
        let server = try await TestServers.echo()
        let proxy = try await TestServers.proxy(to: server, ["--fail-first", "2", "--\(fault.kind)", "1"])
        let client = try HTTPClient(quickConfiguration {
            $0.maxAttempts = 4
            $0.retryClassifier = throttlingClassifier
        })
        defer { client.shutdown() }
        let clean = try await client.send(HTTPRequest(url: server.url + "/big/50000", headers: fault.headers))
        let proxied = try await client.send(HTTPRequest(url: proxy.url + "/big/50000", headers: fault.headers))
        #expect(clean.status == 200 && clean.body.count == 50000)
        #expect(proxied.status == clean.status)
        #expect(proxied.body == clean.body)
        #expect(proxied.attempts == 3)
        #expect(client.statistics.retries == 2)
        #expect(try await TestServers.faults(proxy)[fault.kind] == 2)
    }

    @Test("a throttling 400 is returned at once when no classifier claims it")
    func throttlingWithoutClassifier() async throws {
        let server = try await TestServers.echo()
        let proxy = try await TestServers.proxy(to: server, ["--fail-first", "2", "--throttle", "1"])
        let client = try HTTPClient(quickConfiguration())
        defer { client.shutdown() }
        let response = try await client.send(HTTPRequest(url: proxy.url + "/x"))
        #expect(response.status == 400 && response.attempts == 1)
        #expect(String(decoding: response.body, as: UTF8.self).contains("<Type>Sender</Type><Code>Throttling</Code>"))
    }

    @Test("past the attempt budget a SlowDown 503 is returned as the response")
    func slowDownBeyondBudget() async throws {
        let server = try await TestServers.echo()
        let proxy = try await TestServers.proxy(to: server, ["--fail-first", "5", "--slowdown", "1"])
        let client = try HTTPClient(quickConfiguration { $0.maxAttempts = 3 })
        defer { client.shutdown() }
        let response = try await client.send(HTTPRequest(url: proxy.url + "/bucket"))
        #expect(response.status == 503 && response.attempts == 3)
        #expect(String(decoding: response.body, as: UTF8.self).contains("<Code>SlowDown</Code>"))
        #expect(client.statistics.retries == 2)
    }

    @Test("past the attempt budget a reset throws .connection with libcurl's words")
    func resetBeyondBudget() async throws {
        let server = try await TestServers.echo()
        let proxy = try await TestServers.proxy(to: server, ["--fail-first", "5", "--reset", "1"])
        let client = try HTTPClient(quickConfiguration { $0.maxAttempts = 3 })
        defer { client.shutdown() }
        let error = await #expect(throws: HTTPError.self) { try await client.send(HTTPRequest(url: proxy.url + "/users")) }
        #expect(error?.kind == .connection && error?.attempts == 3)
        #expect(error?.message.hasPrefix("127.0.0.1:\(proxy.port)/users: ") == true)
        #expect(client.statistics.transportFailures == 3)
    }

    @Test("a delay past the attempt timeout ends with .timeout within the total timeout")
    func delayPastTimeouts() async throws {
        let server = try await TestServers.echo()
        let proxy = try await TestServers.proxy(to: server, ["--fail-first", "100", "--delay", "1", "--delay-seconds", "8"])
        let client = try HTTPClient(quickConfiguration {
            $0.attemptTimeout = 0.5
            $0.totalTimeout = 3
            $0.maxAttempts = 20
        })
        defer { client.shutdown() }
        let (error, seconds) = await measure {
            await #expect(throws: HTTPError.self) { try await client.send(HTTPRequest(url: proxy.url + "/slow")) }
        }
        #expect(error?.kind == .timeout)
        #expect((error?.attempts ?? 0) >= 2, "the attempt timeout, not the total one, ended the first attempt")
        // A bound against hanging, not a speed test: the total timeout plus generous slack.
        #expect(seconds < 3 + 5)
    }

    @Test("Retry-After is honoured: the retry waits at least the header's seconds")
    func retryAfterHonoured() async throws {
        let server = try await TestServers.echo()
        let events = EventLog()
        let client = try HTTPClient(quickConfiguration {
            $0.backoffBase = 0.001
            $0.backoffCap = 10
            $0.observer = { events.record($0) }
        })
        defer { client.shutdown() }
        let request = HTTPRequest(url: server.url + "/retry-after/1", headers: [HTTPHeader("X-Client-Id", "honoured")])
        let (response, seconds) = try await measure { try await client.send(request) }
        #expect(response.status == 200 && response.attempts == 2)
        #expect(events.retryDelays == [1])
        #expect(seconds >= 0.95)
    }

    @Test("a Retry-After past the total timeout returns the busy answer at once")
    func retryAfterPastDeadline() async throws {
        let server = try await TestServers.echo()
        let client = try HTTPClient(quickConfiguration {
            $0.backoffCap = 120
            $0.totalTimeout = 10
        })
        defer { client.shutdown() }
        let request = HTTPRequest(url: server.url + "/retry-after/60", headers: [HTTPHeader("X-Client-Id", "deadline")])
        let (response, seconds) = try await measure { try await client.send(request) }
        #expect(response.status == 503 && response.attempts == 1)
        #expect(response.header("retry-after") == "60")
        #expect(seconds < 10, "neither the 60 s asked for nor the 10 s left were waited")
    }

    @Test("prepare runs before every attempt, on a fresh copy of the request")
    func prepareEveryAttempt() async throws {
        let server = try await TestServers.echo()
        let proxy = try await TestServers.proxy(to: server, ["--fail-first", "2", "--reset", "1"])
        let client = try HTTPClient(quickConfiguration())
        defer { client.shutdown() }
        let calls = Locked(0)
        let request = HTTPRequest(url: proxy.url + "/signed") { request in
            let call = calls.withLock { count -> Int in
                count += 1
                return count
            }
            request.headers.append(HTTPHeader("X-Client-Id", "attempt-\(call)"))
        }
        let response = try await client.send(request)
        let echo = try Echo(response)
        #expect(calls.withLock { $0 } == 3 && response.attempts == 3)
        #expect(echo.headers["x-client-id"] == "attempt-3", "only this attempt's header, not the earlier ones'")
    }

    @Test("an error thrown by prepare ends the request without an attempt")
    func prepareFails() async throws {
        struct MissingCredentials: Error {}
        let client = try HTTPClient(quickConfiguration())
        defer { client.shutdown() }
        let request = HTTPRequest(url: "http://127.0.0.1:9/never", label: "iam:ListUsers") { _ in throw MissingCredentials() }
        let error = await #expect(throws: HTTPError.self) { try await client.send(request) }
        #expect(error?.kind == .invalidRequest && error?.attempts == 0)
        #expect(error?.underlying is MissingCredentials)
        #expect(client.statistics.attempts == 0)
    }
}
