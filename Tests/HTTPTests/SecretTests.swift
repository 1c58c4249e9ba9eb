import Foundation
import PostureTesting
import Testing
@testable import HTTP

@Suite("Secrets stay out of events and errors")
struct SecretTests {
    static let marker = "MARKER-SECRET-7f3a9c"

    @Test("Authorization, session token, query signature and user information appear in no event or error")
    func noSecretsObserved() async throws {
        let server = try await TestServers.echo()
        // Three SlowDowns through the proxy, then a dead port: attempts with a status and with an
        // error, and retries between them.
        let proxy = try await TestServers.proxy(to: server, ["--fail-first", "3", "--slowdown", "1"])
        let events = EventLog()
        let client = try HTTPClient(quickConfiguration {
            $0.maxAttempts = 3
            $0.observer = { events.record($0) }
        })
        defer { client.shutdown() }
        let marker = Self.marker
        func request(_ base: String) -> HTTPRequest {
            let url = base.replacingOccurrences(of: "http://", with: "http://AKIDEXAMPLE:\(marker)@") + "/secret?X-Amz-Signature=\(marker)"
            return HTTPRequest(url: url, headers: [HTTPHeader("X-Amz-Security-Token", marker)], body: Data(marker.utf8),
                               label: "sts:GetCallerIdentity") { request in
                request.headers.append(HTTPHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE, Signature=\(marker)"))
            }
        }
        let answered = try await client.send(request(proxy.url))
        #expect(answered.status == 503 && answered.attempts == 3)
        let port = server.port
        server.stop()
        let error = await #expect(throws: HTTPError.self) { try await client.send(request("http://127.0.0.1:\(port)")) }
        var texts = events.all.map { "\($0)" }
        texts += [error.map { "\($0) \($0.message) \($0.label)" } ?? ""]
        #expect(events.all.count == 10, "3 attempts and 2 retries per request")
        for text in texts { #expect(!text.contains(marker), "\(text)") }
    }
}
