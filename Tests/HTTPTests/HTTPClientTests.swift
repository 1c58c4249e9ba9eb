import Foundation
import PostureTesting
import Testing
@testable import HTTP

@Suite("HTTPClient against the echo server")
struct HTTPClientTests {
    @Test("many concurrent requests are all answered, and never more than `concurrency` run at once")
    func concurrentRequests() async throws {
        let server = try await TestServers.echo()
        let client = try HTTPClient(quickConfiguration { $0.concurrency = 4 })
        defer { client.shutdown() }
        let paths = (0..<48).map { "/slow/0.02?request=\($0)" }
        let echoed = try await withThrowingTaskGroup(of: (String, Echo).self) { group in
            for path in paths {
                group.addTask { (path, try Echo(try await client.send(HTTPRequest(url: server.url + path)))) }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(echoed.count == paths.count)
        for (path, echo) in echoed { #expect(echo.path == path) }
        let stats = try await TestServers.stats(server)
        #expect(stats.maxConcurrent <= 4)
        #expect(stats.maxConcurrent >= 2, "the requests should overlap")
        let statistics = client.statistics
        #expect(statistics.peakInFlight <= 4)
        #expect(statistics.requestsStarted == 48 && statistics.requestsFinished == 48)
        #expect(statistics.attempts == 48 && statistics.retries == 0 && statistics.inFlight == 0)
    }

    @Test("a gzip-encoded body arrives decompressed")
    func gzipBody() async throws {
        let server = try await TestServers.echo()
        let client = try HTTPClient(quickConfiguration())
        defer { client.shutdown() }
        let response = try await client.send(HTTPRequest(url: server.url + "/gzip"))
        #expect(response.header("Content-Encoding") == "gzip")
        let echo = try Echo(response)
        #expect(echo.path == "/gzip")
        #expect(echo.headers["accept-encoding"]?.contains("gzip") == true)
        #expect(client.statistics.bytesReceived == response.body.count)
    }

    @Test("method, headers and body reach the server; response header names are lower-cased")
    func requestShape() async throws {
        let server = try await TestServers.echo()
        let client = try HTTPClient(quickConfiguration { $0.userAgent = "posture-test/1" })
        defer { client.shutdown() }
        let body = String(repeating: "Action=ListUsers&Version=2010-05-08&", count: 200)
        for method in ["POST", "PUT", "PATCH", "DELETE"] {
            let request = HTTPRequest(method: method, url: server.url + "/echo",
                                      headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded"),
                                                HTTPHeader("X-Client-Id", "shape")],
                                      body: Data(body.utf8))
            let response = try await client.send(request)
            let echo = try Echo(response)
            #expect(echo.method == method)
            #expect(echo.body == body && echo.bodyLength == body.utf8.count)
            #expect(echo.headers["content-type"] == "application/x-www-form-urlencoded")
            #expect(echo.headers["x-client-id"] == "shape")
            #expect(echo.headers["user-agent"] == "posture-test/1")
            #expect(response.headers.keys.allSatisfy { $0 == $0.lowercased() })
            #expect(response.header("CONTENT-TYPE") == "application/json")
        }
        let get = try Echo(try await client.send(HTTPRequest(url: server.url + "/plain")))
        #expect(get.method == "GET" && get.bodyLength == 0)
    }

    @Test("an error status is a response, returned after one attempt when not retryable")
    func errorStatus() async throws {
        let server = try await TestServers.echo()
        let client = try HTTPClient(quickConfiguration())
        defer { client.shutdown() }
        let response = try await client.send(HTTPRequest(url: server.url + "/status/404"))
        #expect(response.status == 404 && response.attempts == 1)
        #expect(String(decoding: response.body, as: UTF8.self) == "status 404\n")
        let redirect = try await client.send(HTTPRequest(url: server.url + "/status/301"))
        #expect(redirect.status == 301, "redirects are not followed")
        #expect(client.statistics.retries == 0)
    }

    @Test("a large body arrives whole and in order")
    func largeBody() async throws {
        let server = try await TestServers.echo()
        let client = try HTTPClient(quickConfiguration())
        defer { client.shutdown() }
        let count = 3_000_000
        let response = try await client.send(HTTPRequest(url: server.url + "/big/\(count)"))
        #expect(response.body.count == count)
        let intact = response.body.enumerated().allSatisfy { $0.element == UInt8(truncatingIfNeeded: $0.offset) }
        #expect(intact)
    }

    @Test("a refused connection is retried, then throws .connection naming host and path, not the query")
    func refusedConnection() async throws {
        let server = try await TestServers.echo()
        let port = server.port
        server.stop()
        let client = try HTTPClient(quickConfiguration { $0.maxAttempts = 3 })
        defer { client.shutdown() }
        let error = await #expect(throws: HTTPError.self) {
            try await client.send(HTTPRequest(url: "http://127.0.0.1:\(port)/list?X-Amz-Signature=query-secret", label: "s3:ListBuckets"))
        }
        #expect(error?.kind == .connection)
        #expect(error?.attempts == 3)
        #expect(error?.message.contains("127.0.0.1:\(port)/list") == true)
        #expect(error.map { "\($0)" }?.contains("query-secret") == false)
        #expect(error?.description.hasPrefix("s3:ListBuckets: ") == true)
        #expect(client.statistics.transportFailures == 3 && client.statistics.retries == 2)
    }

    @Test("a configuration that cannot work is refused when the client is made")
    func invalidConfiguration() throws {
        let cases: [(String, (inout HTTPClientConfiguration) -> Void, HTTPError.Kind)] = [
            ("no concurrency", { $0.concurrency = 0 }, .invalidRequest),
            ("zero total timeout", { $0.totalTimeout = 0 }, .invalidRequest),
            ("NaN attempt timeout", { $0.attemptTimeout = .nan }, .invalidRequest),
            ("negative rate", { $0.maxRatePerKey = -1 }, .invalidRequest),
            ("missing CA bundle", { $0.caBundle = "/nonexistent/ca.pem" }, .tls),
        ]
        for (name, change, kind) in cases {
            let error = #expect(throws: HTTPError.self, "\(name)") { _ = try HTTPClient(quickConfiguration(change)) }
            #expect(error?.kind == kind, "\(name)")
        }
    }
}
