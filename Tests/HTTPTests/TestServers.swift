import Foundation
import PostureTesting
@testable import HTTP

/// The Python servers of `Tests/Support/`, started per test so that fault counters and
/// Retry-After memory never leak between tests.
enum TestServers {
    static func echo(tls: TLSFiles? = nil) async throws -> LoopbackServer {
        var arguments = ["--exit-on-stdin-eof"]
        if let tls { arguments += ["--tls", tls.certificate, tls.key] }
        return try await LoopbackServer.start(script: "echo-server.py", arguments: arguments)
    }

    /// A fault proxy in front of `upstream`, e.g. `["--fail-first", "2", "--reset", "1"]`.
    static func proxy(to upstream: LoopbackServer, _ arguments: [String]) async throws -> LoopbackServer {
        try await LoopbackServer.start(script: "fault-proxy.py", arguments: ["--exit-on-stdin-eof", "--upstream", upstream.url] + arguments)
    }

    /// The echo server's counters: requests seen and the most it handled at once.
    static func stats(_ server: LoopbackServer) async throws -> EchoStats {
        try await fetchJSON(EchoStats.self, "\(server.url)/stats")
    }

    /// The fault proxy's injected-fault counts per kind.
    static func faults(_ proxy: LoopbackServer) async throws -> [String: Int] {
        try await fetchJSON([String: Int].self, "\(proxy.url)/__faults")
    }

    private static func fetchJSON<T: Decodable>(_ type: T.Type, _ url: String) async throws -> T {
        let client = try HTTPClient()
        defer { client.shutdown() }
        let response = try await client.send(HTTPRequest(url: url))
        return try JSONDecoder().decode(T.self, from: response.body)
    }
}

struct EchoStats: Decodable {
    var requests: Int
    var maxConcurrent: Int
}

/// What the echo server says it received.
struct Echo: Decodable, Equatable {
    var method: String
    var path: String
    var headers: [String: String]
    var bodyLength: Int
    var body: String

    init(_ response: HTTPResponse) throws {
        self = try JSONDecoder().decode(Echo.self, from: response.body)
    }
}

/// A configuration for tests: quick backoff, so that retries cost milliseconds.
func quickConfiguration(_ change: (inout HTTPClientConfiguration) -> Void = { _ in }) -> HTTPClientConfiguration {
    var configuration = HTTPClientConfiguration()
    configuration.concurrency = 8
    configuration.connectTimeout = 5
    configuration.attemptTimeout = 15
    configuration.totalTimeout = 30
    configuration.backoffBase = 0.01
    configuration.backoffCap = 0.05
    change(&configuration)
    return configuration
}

/// Seconds `body` took, on the monotonic clock.
func measure<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
    let start = MonotonicClock().now()
    let value = try await body()
    return (value, MonotonicClock().now() - start)
}

/// Things an observer saw, kept for assertions.
final class EventLog: Sendable {
    private let events = Locked<[HTTPEvent]>([])

    func record(_ event: HTTPEvent) { events.withLock { $0.append(event) } }
    var all: [HTTPEvent] { events.withLock { $0 } }

    var retryDelays: [Double] {
        all.compactMap { if case .retry(_, _, let delay, _) = $0 { delay } else { nil } }
    }
}

/// A throwaway CA and a certificate for 127.0.0.1 that it signed, made with `openssl`.
struct TLSFiles {
    var caCertificate: String
    var certificate: String
    var key: String
}
