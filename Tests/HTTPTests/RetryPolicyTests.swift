import CCurl
import Foundation
import Testing
@testable import HTTP

@Suite("Retry rules, backoff and Retry-After")
struct RetryPolicyTests {
    private func policy(base: Double = 0.25, cap: Double = 20, classifier: RetryClassifier? = nil) -> RetryPolicy {
        var configuration = HTTPClientConfiguration()
        configuration.backoffBase = base
        configuration.backoffCap = cap
        configuration.retryClassifier = classifier
        return RetryPolicy(configuration)
    }

    @Test("429 and 500, 502, 503, 504 are retried; other statuses only when the classifier says so")
    func retryableStatuses() {
        let plain = policy()
        for status in [429, 500, 502, 503, 504] { #expect(plain.shouldRetry(HTTPResponse(status: status)), "\(status)") }
        for status in [200, 301, 400, 403, 404, 501] { #expect(!plain.shouldRetry(HTTPResponse(status: status)), "\(status)") }
        let classified = policy(classifier: { $0.status == 400 && $0.body == Data("Throttling".utf8) })
        #expect(classified.shouldRetry(HTTPResponse(status: 400, body: Data("Throttling".utf8))))
        #expect(!classified.shouldRetry(HTTPResponse(status: 400, body: Data("ValidationError".utf8))))
    }

    @Test("full jitter: the n-th wait is the random fraction of min(cap, base·2ⁿ)")
    func backoffBounds() {
        let rule = policy(base: 0.25, cap: 20)
        #expect(rule.backoff(retry: 0, random: 1) == 0.25)
        #expect(rule.backoff(retry: 2, random: 0.5) == 0.5)
        #expect(rule.backoff(retry: 6, random: 1) == 16)
        #expect(rule.backoff(retry: 7, random: 1) == 20, "capped")
        #expect(rule.backoff(retry: 500, random: 1) == 20, "no overflow for large n")
        #expect(rule.backoff(retry: 3, random: 0) == 0)
        for _ in 0..<200 {
            let wait = rule.backoff(retry: 3)
            #expect(wait >= 0 && wait <= 2)
        }
    }

    @Test("Retry-After in seconds or as an HTTP date", arguments: [
        ("5", 5.0), (" 12 ", 12), ("0", 0),
        ("Sun, 06 Nov 1994 08:49:47 GMT", 10),
        ("Sunday, 06-Nov-94 08:50:37 GMT", 60),
        ("Sun Nov  6 08:49:40 1994", 3),
        ("Sun, 06 Nov 1994 08:00:00 GMT", 0),
    ] as [(String, Double)])
    func retryAfterForms(value: String, seconds: Double) throws {
        let now = try #require(RetryAfter.httpDate("Sun, 06 Nov 1994 08:49:37 GMT"))
        #expect(RetryAfter.seconds(value, now: now) == seconds)
    }

    @Test("a Retry-After that is neither form is ignored", arguments: ["soon", "-1", "1.5", "", "Sun, 99 Nov 1994"])
    func retryAfterNonsense(value: String) {
        #expect(RetryAfter.seconds(value) == nil)
    }

    @Test("the server's wait is capped by backoffCap")
    func serverDelayCapped() {
        let rule = policy(cap: 20)
        #expect(rule.serverDelay(HTTPResponse(status: 503, headers: ["retry-after": "3"])) == 3)
        #expect(rule.serverDelay(HTTPResponse(status: 503, headers: ["retry-after": "3600"])) == 20)
        #expect(rule.serverDelay(HTTPResponse(status: 503)) == nil)
    }

    @Test("libcurl errors map to kinds; only transient ones are retried", arguments: [
        (CURLE_OPERATION_TIMEDOUT, HTTPError.Kind.timeout, true),
        (CURLE_COULDNT_CONNECT, .connection, true),
        (CURLE_RECV_ERROR, .connection, true),
        (CURLE_SEND_ERROR, .connection, true),
        (CURLE_GOT_NOTHING, .connection, true),
        (CURLE_PARTIAL_FILE, .connection, true),
        (CURLE_COULDNT_RESOLVE_HOST, .connection, false),
        (CURLE_PEER_FAILED_VERIFICATION, .tls, false),
        (CURLE_SSL_CONNECT_ERROR, .tls, false),
        (CURLE_URL_MALFORMAT, .invalidRequest, false),
    ] as [(CURLcode, HTTPError.Kind, Bool)])
    func curlCodes(code: CURLcode, kind: HTTPError.Kind, retryable: Bool) {
        #expect(CurlFailure(code) == CurlFailure(kind: kind, retryable: retryable))
    }

    @Test("logs name host and path only: no user information, query or fragment")
    func urlParts() {
        #expect(URLParts("https://user:pa55@s3.amazonaws.com:443/bucket/key?X-Amz-Signature=abc#f") == URLParts(host: "s3.amazonaws.com:443", path: "/bucket/key"))
        #expect(URLParts("https://iam.amazonaws.com?Action=ListUsers") == URLParts(host: "iam.amazonaws.com", path: "/"))
        #expect(URLParts("http://127.0.0.1:8080") == URLParts(host: "127.0.0.1:8080", path: "/"))
    }
}

extension URLParts {
    init(host: String, path: String) {
        self.init("")
        self.host = host
        self.path = path
    }
}
