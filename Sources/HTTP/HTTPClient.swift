import CCurl
import Foundation

/// The libcurl HTTP client: one multi handle driven by one thread, at most `concurrency`
/// transfers at once, retries with backoff, per-key rate caps, and verified TLS.
///
/// Proxies come from libcurl's standard environment variables, which this client never
/// overrides (it sets no `CURLOPT_PROXY` and no `CURLOPT_NOPROXY`):
/// - `http_proxy` for `http://` URLs — lowercase only: libcurl ignores `HTTP_PROXY` on purpose,
///   because a CGI program receives that name from a request's `Proxy:` header;
/// - `https_proxy` or `HTTPS_PROXY` for `https://` URLs (TLS to the server is tunnelled through
///   `CONNECT`, so certificate checks still apply to the server);
/// - `all_proxy` or `ALL_PROXY` when no scheme-specific variable is set;
/// - `no_proxy` or `NO_PROXY`: comma-separated hosts or domains that bypass the proxy, `*` for all.
///
/// Redirects are not followed: a 3xx is returned as a response (the AWS layer handles S3's
/// region redirects itself, and a signed request must not be replayed to another host).
public final class HTTPClient: HTTPTransport, Sendable {
    private let configuration: HTTPClientConfiguration
    private let engine: CurlEngine
    private let retry: RetryPolicy
    private let rateLimiter: RateLimiter?
    private let counters = Locked(HTTPStatistics())
    private let clock = MonotonicClock()

    /// Starts the transfer thread.
    /// - Parameter configuration: limits, timeouts, retry budget, TLS trust and observer.
    /// - Throws: `.invalidRequest` for a configuration that cannot work (no concurrency, a
    ///   timeout that is not positive), `.tls` for an unreadable CA bundle.
    public init(_ configuration: HTTPClientConfiguration = .init()) throws(HTTPError) {
        try CurlGlobal.initialize()
        try Self.validate(configuration)
        self.configuration = configuration
        retry = RetryPolicy(configuration)
        rateLimiter = configuration.maxRatePerKey.map { RateLimiter(rate: $0) }
        engine = try CurlEngine(concurrency: configuration.concurrency, statistics: counters)
    }

    deinit {
        engine.shutdown()
    }

    /// A snapshot of the counters.
    public var statistics: HTTPStatistics { counters.withLock { $0 } }

    /// Stops the transfer thread. Requests waiting, in flight or backing off end with
    /// `.cancelled`; later calls to `send` throw `.cancelled`.
    public func shutdown() {
        engine.shutdown()
    }

    /// Sends `request`, retrying busy answers and transient failures within the budget.
    /// - Returns: the last attempt's response. A retryable status (429, 5xx, or one the
    ///   classifier names) is returned when the attempts or the time run out.
    /// - Throws: `HTTPError` when no attempt produced a response, with the last libcurl message.
    public func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        counters.withLock { $0.requestsStarted += 1 }
        defer { counters.withLock { $0.requestsFinished += 1 } }
        let deadline = clock.now() + configuration.totalTimeout
        let place = URLParts(request.url)
        var wait = 0.0
        var attempt = 0
        while true {
            attempt += 1
            try await pause(wait, request: request, deadline: deadline, attempt: attempt)
            let prepared = try prepare(request, place: place, attempt: attempt)
            let outcome = await engine.perform(spec(for: prepared, deadline: deadline))
            let next = try decide(outcome, request: request, place: place, attempt: attempt, deadline: deadline)
            switch next {
            case .finish(let response): return response
            case .retry(let delay, let reason):
                counters.withLock { $0.retries += 1 }
                configuration.observer?(.retry(label: request.label, reason: reason, delay: delay, attempt: attempt))
                wait = delay
            }
        }
    }

    private enum Next {
        case finish(HTTPResponse)
        case retry(after: Double, reason: String)
    }

    /// Turns one attempt's outcome into a response to return, an error to throw, or a retry.
    private func decide(_ outcome: AttemptOutcome, request: HTTPRequest, place: URLParts,
                        attempt: Int, deadline: Double) throws(HTTPError) -> Next {
        switch outcome.result {
        case .cancelled:
            throw HTTPError(kind: .cancelled, message: "\(place.host)\(place.path): the client was shut down or the task cancelled",
                            label: request.label, attempts: attempt)
        case .answered(let status, let headers, let body):
            counters.withLock { $0.bytesReceived += body.count }
            observe(request, place, status: status, error: nil, outcome.seconds, attempt)
            let response = HTTPResponse(status: status, headers: headers, body: body, attempts: attempt, url: request.url)
            guard retry.shouldRetry(response),
                  let delay = delayBeforeRetry(attempt: attempt, asked: retry.serverDelay(response), deadline: deadline)
            else { return .finish(response) }
            return .retry(after: delay, reason: "HTTP \(status)")
        case .failed(let failure, let message):
            counters.withLock { $0.transportFailures += 1 }
            observe(request, place, status: nil, error: message, outcome.seconds, attempt)
            let error = HTTPError(kind: failure.kind, message: "\(place.host)\(place.path): \(message)", label: request.label, attempts: attempt)
            guard failure.retryable, let delay = delayBeforeRetry(attempt: attempt, asked: nil, deadline: deadline) else { throw error }
            return .retry(after: delay, reason: message)
        }
    }

    /// The wait before the next attempt, or nil when the attempts are used up or the wait would
    /// reach past the deadline (then the last answer or error stands; sleeping until the
    /// deadline would only trade it for a timeout).
    private func delayBeforeRetry(attempt: Int, asked: Double?, deadline: Double) -> Double? {
        guard attempt < retry.maxAttempts else { return nil }
        let delay = asked ?? retry.backoff(retry: attempt - 1)
        return clock.now() + delay < deadline ? delay : nil
    }

    /// Waits out the backoff, then the rate cap of the request's key.
    private func pause(_ backoff: Double, request: HTTPRequest, deadline: Double, attempt: Int) async throws(HTTPError) {
        var wait = backoff
        if let rateLimiter, let key = request.rateKey {
            wait += rateLimiter.reserve(key)
        }
        guard wait > 0 else { return }
        let until = clock.now() + wait
        guard until < deadline else {
            throw HTTPError(kind: .timeout, message: "\(URLParts(request.url).host): the rate cap's wait outlasts the total timeout",
                            label: request.label, attempts: attempt - 1)
        }
        guard await engine.sleep(until: until) else {
            throw HTTPError(kind: .cancelled, message: "\(URLParts(request.url).host): cancelled while waiting to retry",
                            label: request.label, attempts: attempt - 1)
        }
    }

    /// A fresh copy of the request with `prepare` applied (a new signature for every attempt).
    private func prepare(_ request: HTTPRequest, place: URLParts, attempt: Int) throws(HTTPError) -> HTTPRequest {
        guard let prepare = request.prepare else { return request }
        var copy = request
        do {
            try prepare(&copy)
        } catch {
            throw HTTPError(kind: .invalidRequest, message: "\(place.host)\(place.path): the request could not be prepared",
                            label: request.label, attempts: attempt - 1, underlying: error)
        }
        return copy
    }

    private func spec(for request: HTTPRequest, deadline: Double) -> AttemptSpec {
        AttemptSpec(method: request.method, url: request.url, headers: request.headers, body: request.body,
                    deadline: deadline, connectTimeout: configuration.connectTimeout,
                    attemptTimeout: configuration.attemptTimeout, caBundle: configuration.caBundle,
                    userAgent: configuration.userAgent)
    }

    private func observe(_ request: HTTPRequest, _ place: URLParts, status: Int?, error: String?, _ seconds: Double, _ attempt: Int) {
        configuration.observer?(.attempt(label: request.label, host: place.host, path: place.path,
                                         status: status, error: error, seconds: seconds, attempt: attempt))
    }

    private static func validate(_ configuration: HTTPClientConfiguration) throws(HTTPError) {
        func invalid(_ message: String) -> HTTPError {
            HTTPError(kind: .invalidRequest, message: message, label: "HTTPClient", attempts: 0)
        }
        guard configuration.concurrency >= 1 else { throw invalid("concurrency must be at least 1") }
        for (name, value) in [("connect", configuration.connectTimeout), ("attempt", configuration.attemptTimeout),
                              ("total", configuration.totalTimeout)] where !(value > 0) {
            throw invalid("the \(name) timeout must be a positive number of seconds")
        }
        if let rate = configuration.maxRatePerKey, !(rate > 0) {
            throw invalid("the rate cap must be a positive number of requests per second")
        }
        if let caBundle = configuration.caBundle, !FileManager.default.isReadableFile(atPath: caBundle) {
            throw HTTPError(kind: .tls, message: "CA bundle \(caBundle) is not a readable file", label: "HTTPClient", attempts: 0)
        }
    }
}

/// `curl_global_init`, exactly once per process (a `static let` runs its initializer once).
enum CurlGlobal {
    private static let succeeded: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    static func initialize() throws(HTTPError) {
        guard succeeded else {
            throw HTTPError(kind: .invalidRequest, message: "libcurl failed to initialize", label: "HTTPClient", attempts: 0)
        }
    }
}
