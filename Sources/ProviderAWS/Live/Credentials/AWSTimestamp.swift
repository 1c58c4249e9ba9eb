import Foundation
import SourceText

/// Expiration times as credential sources write them: ISO 8601 with or without fractional
/// seconds (`2024-05-01T12:00:00Z`, `2024-05-01T12:00:00.000Z`, `+00:00` offsets).
enum AWSTimestamp {
    static func parse(_ text: String) -> Date? {
        RFC3339.parse(text.trimmingCharacters(in: .whitespaces))
    }
}
