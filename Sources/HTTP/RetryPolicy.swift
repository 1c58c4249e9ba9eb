import Foundation

/// When to try again and how long to wait first.
struct RetryPolicy: Sendable {
    /// Statuses that mean "busy or briefly broken, ask again": too many requests, internal
    /// error, bad gateway, unavailable (S3's SlowDown), gateway timeout.
    static let retryableStatuses: Set<Int> = [429, 500, 502, 503, 504]

    var maxAttempts: Int
    var backoffBase: Double
    var backoffCap: Double
    var classifier: RetryClassifier?

    init(_ configuration: HTTPClientConfiguration) {
        maxAttempts = max(1, configuration.maxAttempts)
        backoffBase = max(0, configuration.backoffBase)
        backoffCap = max(0, configuration.backoffCap)
        classifier = configuration.retryClassifier
    }

    /// Whether this answer is worth another attempt (budget aside).
    func shouldRetry(_ response: HTTPResponse) -> Bool {
        Self.retryableStatuses.contains(response.status) || (classifier?(response) ?? false)
    }

    /// The wait before retry number `retry` (0 for the first retry): full jitter, uniform in
    /// 0…min(cap, base·2ⁿ), so that many clients throttled together spread out again.
    func backoff(retry: Int, random: Double = Double.random(in: 0...1)) -> Double {
        let ceiling = min(backoffCap, backoffBase * pow(2, Double(min(retry, 62))))
        return ceiling * min(max(random, 0), 1)
    }

    /// The wait a response asks for with `Retry-After`, capped by `backoffCap`; nil without one.
    func serverDelay(_ response: HTTPResponse, now: Date = Date()) -> Double? {
        guard let value = response.header("retry-after"),
              let seconds = RetryAfter.seconds(value, now: now) else { return nil }
        return min(seconds, backoffCap)
    }
}

/// The `Retry-After` header (RFC 9110 §10.2.3): delta-seconds or an HTTP-date.
enum RetryAfter {
    /// Seconds to wait, never negative; nil when the value is neither form.
    static func seconds(_ value: String, now: Date = Date()) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigit) {
            return Double(trimmed)
        }
        guard let date = httpDate(trimmed) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), and the obsolete RFC 850 and asctime forms
    /// that recipients must still accept.
    static func httpDate(_ text: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
