import Foundation

/// Everything libcurl needs for one attempt, fixed before it is handed to the transfer thread.
struct AttemptSpec: Sendable {
    var method: String
    var url: String
    var headers: [HTTPHeader]
    var body: Data
    /// Monotonic time after which the request as a whole has failed.
    var deadline: Double
    var connectTimeout: Double
    var attemptTimeout: Double
    var caBundle: String?
    var userAgent: String
}

/// How one attempt ended.
struct AttemptOutcome: Sendable {
    enum Result: Sendable {
        /// An HTTP answer, whatever its status.
        case answered(status: Int, headers: [String: String], body: Data)
        /// No answer: libcurl's error, classified, with libcurl's own words (no secrets: libcurl
        /// does not echo request headers into its error buffer).
        case failed(CurlFailure, message: String)
        /// The client was shut down or the calling task was cancelled.
        case cancelled
    }

    var result: Result
    /// From hand-over to libcurl until the last byte or the error.
    var seconds: Double

    static let cancelled = AttemptOutcome(result: .cancelled, seconds: 0)
}
