import Foundation

/// How the libcurl client behaves. Defaults suit a live scan of a production account.
public struct HTTPClientConfiguration: Sendable {
    /// Transfers in flight at once (`--concurrency`).
    public var concurrency: Int = 16
    /// Seconds to establish a connection (TCP + TLS).
    public var connectTimeout: Double = 10
    /// Seconds for one attempt, from start to the last byte.
    public var attemptTimeout: Double = 60
    /// Seconds for a request including all retries and backoff: a request never takes longer.
    public var totalTimeout: Double = 300
    /// Attempts per request, the first included.
    public var maxAttempts: Int = 6
    /// Exponential backoff with full jitter: the n-th retry waits uniform(0, min(cap, base·2ⁿ)).
    /// A `Retry-After` header (seconds or HTTP date) replaces the computed wait, capped likewise.
    public var backoffBase: Double = 0.25
    public var backoffCap: Double = 20
    /// Requests per second per `rateKey` (`--max-rate`); nil for no cap.
    public var maxRatePerKey: Double?
    /// PEM file of CA certificates to trust instead of the system's (`--ca-bundle`). TLS peer and
    /// host verification are always on.
    public var caBundle: String?
    /// Sent as `User-Agent`.
    public var userAgent: String = "posture"
    /// Extra retry rule for protocol-level throttling answers.
    public var retryClassifier: RetryClassifier?
    /// Called for each finished attempt and retry, for progress lines and `--verbose` logs.
    /// Receives no headers and no body: nothing secret.
    public var observer: (@Sendable (HTTPEvent) -> Void)?

    public init() {}
}

/// What the client reports to its observer. Nothing secret: the host never carries user
/// information and the path never carries the query (a presigned URL's signature lives there).
public enum HTTPEvent: Sendable {
    /// An attempt finished with a status (or failed with libcurl's error message), in this many
    /// seconds; `attempt` counts from 1.
    case attempt(label: String, host: String, path: String, status: Int?, error: String?, seconds: Double, attempt: Int)
    /// The request will be retried after this many seconds (`attempt` is the one that just ended;
    /// `reason` is `HTTP <status>` or libcurl's error message).
    case retry(label: String, reason: String, delay: Double, attempt: Int)
}
