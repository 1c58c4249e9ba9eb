import Foundation

/// JSON decoding as snapshots need it: dates in every form exports use, and errors that name
/// the JSON path (`$.UserDetailList[3].AttachedManagedPolicies`).
public enum SnapshotJSON {
    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self), let date = parseDate(text) { return date }
            if let seconds = try? container.decode(Double.self) { return Date(timeIntervalSince1970: seconds) }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date")
        }
        return decoder
    }()

    /// ISO 8601 / RFC 3339 with or without fractional seconds, `Z` or an offset; boto3's
    /// `2023-03-09 10:41:45+00:00` (a space instead of `T`); a bare date (midnight UTC).
    /// Hand-parsed: thread-safe and much faster than a formatter, on millions of dates.
    public static func parseDate(_ text: String) -> Date? {
        let b = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= b.count else { return nil }
            var value = 0
            for byte in b[start..<start + count] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), b.count >= 10, b[4] == 0x2D, let month = number(5, 2), b[7] == 0x2D,
              let day = number(8, 2), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = Double(daysFromCivil(year, month, day)) * 86_400
        guard b.count > 10 else { return Date(timeIntervalSince1970: seconds) }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == 0x20,
              let hour = number(11, 2), b.count > 13, b[13] == 0x3A, let minute = number(14, 2),
              b.count > 16, b[16] == 0x3A, let second = number(17, 2), hour < 24, minute < 60, second <= 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60 + second)
        var index = 19
        if index < b.count, b[index] == 0x2E {
            var scale = 0.1
            index += 1
            while index < b.count, b[index] >= 0x30, b[index] <= 0x39 {
                seconds += Double(b[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
        }
        if index == b.count { return Date(timeIntervalSince1970: seconds) } // no zone: UTC, as boto3 writes naive times
        if b[index] == UInt8(ascii: "Z") || b[index] == UInt8(ascii: "z") {
            return index + 1 == b.count ? Date(timeIntervalSince1970: seconds) : nil
        }
        guard b[index] == 0x2B || b[index] == 0x2D, let offsetHours = number(index + 1, 2) else { return nil }
        let hasColon = index + 3 < b.count && b[index + 3] == 0x3A
        guard let offsetMinutes = number(index + (hasColon ? 4 : 3), 2), index + (hasColon ? 6 : 5) == b.count else { return nil }
        let offset = Double(offsetHours * 3600 + offsetMinutes * 60) * (b[index] == 0x2D ? -1 : 1)
        return Date(timeIntervalSince1970: seconds - offset)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// "$.Path[0].Key: message" for a decoding error.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            "$" + codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        }
        switch error {
        case let .typeMismatch(type, context):
            return "\(path(context.codingPath)): expected \(typeName(type)), \(context.debugDescription)"
        case let .valueNotFound(type, context):
            return "\(path(context.codingPath)): expected \(typeName(type)), found null"
        case let .keyNotFound(key, context):
            return "\(path(context.codingPath + [key])): required key is missing"
        case let .dataCorrupted(context):
            return "\(path(context.codingPath)): \(context.debugDescription)\(context.underlyingError.map { " (\($0))" } ?? "")"
        @unknown default:
            return "\(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        default: "\(type)".hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
