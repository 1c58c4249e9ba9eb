import Foundation

/// One header field. Kept as an ordered list (not a dictionary) because request signing and
/// some servers care about the exact fields sent.
public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A request to send. The body is sent as is; `Content-Length` is set by the transport.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The full URL, scheme to query, already percent-encoded.
    public var url: String
    public var headers: [HTTPHeader]
    public var body: Data
    /// Requests with the same key share one `--max-rate` budget (the AWS layer uses the
    /// service and region, so that a shared production account is not flooded).
    public var rateKey: String?
    /// Called before every attempt, so that retries carry a fresh signature and date.
    /// Errors it throws end the request without a retry.
    public var prepare: (@Sendable (inout HTTPRequest) throws -> Void)?
    /// What the request is for, for logs and errors (`iam:GetAccountSummary us-east-1`).
    /// Never a secret: logs print this and the URL's host and path, never headers or bodies.
    public var label: String

    public init(method: String = "GET", url: String, headers: [HTTPHeader] = [], body: Data = Data(),
                rateKey: String? = nil, label: String? = nil,
                prepare: (@Sendable (inout HTTPRequest) throws -> Void)? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.rateKey = rateKey
        self.label = label ?? "\(method) \(url)"
        self.prepare = prepare
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// A response: the last attempt's status, headers and (decompressed) body.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header fields with lower-cased names; a repeated field keeps its last value.
    public var headers: [String: String]
    public var body: Data
    /// How many attempts the request took (1 when it did not need a retry).
    public var attempts: Int
    /// The URL that answered (the request's: the client does not follow redirects).
    public var url: String

    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), attempts: Int = 1, url: String = "") {
        self.status = status
        self.headers = headers
        self.body = body
        self.attempts = attempts
        self.url = url
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why a request produced no response at all. An HTTP error status is *not* an `HTTPError`:
/// it is a response, returned to the caller (after retries when the status is retryable).
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No connection within the connect timeout, or no complete answer within the
        /// attempt timeout, or the overall deadline passed.
        case timeout
        /// Refused, reset, DNS failure, truncated body, proxy failure.
        case connection
        /// Certificate or handshake failure. Never retried: it will not heal by itself.
        case tls
        /// The request could not be built or was refused by `prepare`.
        case invalidRequest
        /// The client was shut down.
        case cancelled
    }

    public var kind: Kind
    /// One line, no secrets: what failed and, for libcurl errors, libcurl's own words.
    public var message: String
    /// The request's label.
    public var label: String
    public var attempts: Int
    /// The error behind this one, when it came from elsewhere (what `prepare` threw).
    public var underlying: (any Error)?

    public init(kind: Kind, message: String, label: String, attempts: Int, underlying: (any Error)? = nil) {
        self.kind = kind
        self.message = message
        self.label = label
        self.attempts = attempts
        self.underlying = underlying
    }

    public var description: String {
        "\(label): \(message)\(attempts > 1 ? " (after \(attempts) attempts)" : "")"
    }
}

/// Decides whether a response should be retried. The HTTP layer retries 429, 500, 502, 503 and
/// 504 by itself; a protocol layer adds its own throttling codes found in bodies (AWS answers
/// `Throttling` with a 400).
public typealias RetryClassifier = @Sendable (HTTPResponse) -> Bool

/// Something that sends requests: the libcurl client, or a test double.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse
}
