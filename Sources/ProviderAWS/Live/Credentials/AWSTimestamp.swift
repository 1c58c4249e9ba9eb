import Foundation

/// Expiration times as credential sources write them: ISO 8601 with or without fractional
/// seconds (`2024-05-01T12:00:00Z`, `2024-05-01T12:00:00.000Z`, `+00:00` offsets).
enum AWSTimestamp {
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return try? Date(trimmed, strategy: withFraction)
    }
}
