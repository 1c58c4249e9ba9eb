import Foundation

/// RFC 3339 times, the one parser every part of posture uses (the command line, policy
/// examples, waivers, snapshot files, credential expiry), so that a form accepted in one place
/// is accepted in all of them.
///
/// Parsed by hand: thread-safe, and much faster than a date formatter on the millions of dates
/// a large export holds. The calendar date is checked (no 2025-02-30).
public enum RFC3339 {
    /// How much of RFC 3339's freedom, and of what exporters write around it, is accepted.
    public enum Profile: Sendable {
        /// What people write (`--now`, `examples.now`, a waiver's `expires`, policy conditions):
        /// a date, `2025-01-01`, meaning midnight UTC, or a date-time with `T` (or `t`), optional
        /// fractional seconds and a zone, `Z` or `±HH:MM`: `2025-01-01T08:30:00Z`,
        /// `2025-01-01T08:30:00.25+01:00`.
        case strict
        /// What exports hold: everything `strict` accepts, plus a space instead of `T` (boto3's
        /// `2023-03-09 10:41:45+00:00`), no zone at all (read as UTC, as boto3 writes naive
        /// times) and `±HHMM` offsets.
        case lenient
    }

    /// The instant `text` names, or nil when it is not a time of `profile`.
    public static func parse(_ text: String, _ profile: Profile = .strict) -> Date? {
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
        guard b.count >= 10, let year = number(0, 4), b[4] == 0x2D, let month = number(5, 2), b[7] == 0x2D,
              let day = number(8, 2), (1...12).contains(month), day >= 1, day <= daysIn(month, of: year) else { return nil }
        var seconds = Double(daysFromCivil(year, month, day)) * 86_400
        guard b.count > 10 else { return Date(timeIntervalSince1970: seconds) }
        let separators: [UInt8] = profile == .lenient ? [0x54, 0x74, 0x20] : [0x54, 0x74]
        guard separators.contains(b[10]), let hour = number(11, 2), b.count > 13, b[13] == 0x3A, let minute = number(14, 2),
              b.count > 16, b[16] == 0x3A, let second = number(17, 2), hour < 24, minute < 60, second <= 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60 + second)
        var index = 19
        if index < b.count, b[index] == 0x2E {
            var scale = 0.1
            index += 1
            let first = index
            while index < b.count, b[index] >= 0x30, b[index] <= 0x39 {
                seconds += Double(b[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > first else { return nil }
        }
        if index == b.count { return profile == .lenient ? Date(timeIntervalSince1970: seconds) : nil }
        if b[index] == UInt8(ascii: "Z") || b[index] == UInt8(ascii: "z") {
            return index + 1 == b.count ? Date(timeIntervalSince1970: seconds) : nil
        }
        guard b[index] == 0x2B || b[index] == 0x2D, let offsetHours = number(index + 1, 2), offsetHours < 24 else { return nil }
        let hasColon = index + 3 < b.count && b[index + 3] == 0x3A
        guard hasColon || profile == .lenient, let offsetMinutes = number(index + (hasColon ? 4 : 3), 2), offsetMinutes < 60,
              index + (hasColon ? 6 : 5) == b.count else { return nil }
        let offset = Double(offsetHours * 3600 + offsetMinutes * 60) * (b[index] == 0x2D ? -1 : 1)
        return Date(timeIntervalSince1970: seconds - offset)
    }

    /// Whether `text` is a bare calendar date (`2026-06-30`), which a waiver reads as "through
    /// that day" and every other place as midnight UTC.
    public static func isDate(_ text: String) -> Bool {
        text.utf8.count == 10 && parse(text) != nil
    }

    /// `2025-01-01T00:00:00Z` (whole seconds, UTC), the form posture writes.
    public static func string(from date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let rest = total - days * 86_400
        let (year, month, day) = civilFromDays(days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, rest / 3600, rest % 3600 / 60, rest % 60)
    }

    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
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

    /// The inverse of `daysFromCivil`.
    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
