/// Counters of one `HTTPClient`, for progress lines, `--verbose` summaries and tests.
public struct HTTPStatistics: Sendable, Equatable {
    /// Calls to `send`.
    public var requestsStarted = 0
    /// Calls to `send` that returned or threw.
    public var requestsFinished = 0
    /// Attempts handed to libcurl (including ones that failed before a byte was sent).
    public var attempts = 0
    /// Attempts that were followed by another attempt of the same request.
    public var retries = 0
    /// Attempts that ended without an HTTP response (reset, refused, timeout, TLS, truncated).
    public var transportFailures = 0
    /// Body bytes received, after decompression.
    public var bytesReceived = 0
    /// Transfers inside libcurl right now (never more than `concurrency`).
    public var inFlight = 0
    /// The most transfers that were inside libcurl at once.
    public var peakInFlight = 0

    public init() {}
}
