import Foundation

/// An error AWS answered with (or a body that could not be read as the operation's answer),
/// in the terms botocore and the CLI use: `An error occurred (Code) when calling the Op
/// operation: Message`.
public struct AWSErrorAnswer: Error, Sendable, Equatable, CustomStringConvertible {
    /// `NoSuchBucketPolicy`, `Throttling`, …; the HTTP status as text when the body names none
    /// (an S3 HEAD, a proxy's HTML page), as botocore does. `MalformedResponse` when a
    /// successful answer did not read as the operation's output.
    public let code: String
    /// One line, markup stripped.
    public let message: String
    public let status: Int
    public let requestID: String?

    public init(code: String, message: String, status: Int, requestID: String? = nil) {
        self.code = code
        self.message = AWSErrorAnswer.oneLine(message)
        self.status = status
        self.requestID = requestID
    }

    /// The code posture uses for a 2xx body that does not read as the operation's output.
    public static let malformedResponseCode = "MalformedResponse"

    public var description: String { "\(code) (HTTP \(status)): \(message)" }

    /// The codes AWS services use to ask a client to slow down; the collector backs off and
    /// retries these.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "RequestLimitExceeded",
        "SlowDown", "RequestTimeout", "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "RequestThrottled", "BandwidthLimitExceeded", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    public var isThrottling: Bool { Self.throttlingCodes.contains(code) }

    /// Tags removed, entities of the common five decoded, whitespace runs folded to one space.
    static func oneLine(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        var inTag = false
        var pendingSpace = false
        for character in text {
            if inTag {
                if character == ">" { inTag = false; pendingSpace = true }
                continue
            }
            if character == "<" { inTag = true; continue }
            if character.isWhitespace { pendingSpace = true; continue }
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(character)
        }
        guard out.contains("&") else { return out }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
