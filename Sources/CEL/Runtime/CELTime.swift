import Foundation

/// A point in time with nanosecond precision, as `google.protobuf.Timestamp`.
public struct CELTimestamp: Sendable, Hashable, Comparable {
    public var seconds: Int64
    public var nanos: Int32

    /// 0001-01-01T00:00:00Z, the earliest timestamp CEL accepts.
    public static let minSeconds: Int64 = -62_135_596_800
    /// 9999-12-31T23:59:59Z, the last whole second CEL accepts.
    public static let maxSeconds: Int64 = 253_402_300_799

    public init(seconds: Int64, nanos: Int32) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public init(date: Date) {
        let interval = date.timeIntervalSince1970
        let whole = interval.rounded(.down)
        self.seconds = Int64(whole)
        self.nanos = Int32(((interval - whole) * 1_000_000_000).rounded())
        if nanos >= 1_000_000_000 { seconds += 1; nanos -= 1_000_000_000 }
    }

    public static func < (lhs: CELTimestamp, rhs: CELTimestamp) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }

    /// Normalises nanos into 0..<1e9 and checks CEL's timestamp range.
    static func checked(seconds: Int64, nanos: Int64) throws(CELEvaluationError) -> CELTimestamp {
        var seconds = seconds
        var nanos = nanos
        seconds += nanos / 1_000_000_000
        nanos %= 1_000_000_000
        if nanos < 0 { nanos += 1_000_000_000; seconds -= 1 }
        guard seconds >= minSeconds, seconds <= maxSeconds else {
            throw CELEvaluationError("timestamp out of range")
        }
        return CELTimestamp(seconds: seconds, nanos: Int32(nanos))
    }

    /// RFC 3339 in UTC, with 0, 3, 6 or 9 fractional digits as needed (`2009-02-13T23:31:30Z`).
    public var rfc3339: String {
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let date = CivilDate(days: days)
        var text = pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
        text += "T" + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        return text + fractionDigits(Int64(nanos)) + "Z"
    }
}

/// A signed span of time with nanosecond precision, as `google.protobuf.Duration`.
public struct CELDuration: Sendable, Hashable, Comparable {
    public var seconds: Int64
    /// Same sign as `seconds` (or zero), magnitude below 1e9.
    public var nanos: Int32

    /// The largest magnitude CEL accepts, in seconds (about 10,000 years).
    public static let maxSeconds: Int64 = 315_576_000_000

    public init(seconds: Int64, nanos: Int32) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (lhs: CELDuration, rhs: CELDuration) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }

    /// Normalises so nanos has the sign of seconds, and checks CEL's duration range.
    static func checked(seconds: Int64, nanos: Int64) throws(CELEvaluationError) -> CELDuration {
        let (carried, overflow) = seconds.addingReportingOverflow(nanos / 1_000_000_000)
        var seconds = carried
        var nanos = nanos % 1_000_000_000
        if seconds > 0, nanos < 0 { seconds -= 1; nanos += 1_000_000_000 }
        if seconds < 0, nanos > 0 { seconds += 1; nanos -= 1_000_000_000 }
        guard !overflow, seconds >= -maxSeconds, seconds <= maxSeconds else {
            throw CELEvaluationError("duration out of range")
        }
        return CELDuration(seconds: seconds, nanos: Int32(nanos))
    }

    /// The protobuf JSON form: `123.321456789s`, `-1.5s`, `0s`.
    public var protoJSON: String {
        let negative = seconds < 0 || nanos < 0
        let text = String(seconds.magnitude) + fractionDigits(Int64(nanos.magnitude)) + "s"
        return negative ? "-" + text : text
    }
}

/// A proleptic Gregorian calendar date (Howard Hinnant's `civil_from_days` algorithms),
/// so calendar accessors need no Foundation calendar and work for years 1 through 9999.
struct CivilDate {
    var year: Int64
    var month: Int64
    var day: Int64

    init(year: Int64, month: Int64, day: Int64) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01.
    init(days: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days from 1970-01-01 to this date.
    var daysSinceEpoch: Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension Int64 {
    /// Division rounding toward negative infinity (dates before 1970 need it).
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

/// Zero-padded decimal rendering.
func pad(_ number: Int64, _ width: Int) -> String {
    let digits = String(number.magnitude)
    let padded = String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    return number < 0 ? "-" + padded : padded
}

/// `.123`, `.123456` or `.123456789` for a nanosecond count, or "" for zero.
func fractionDigits(_ nanos: Int64) -> String {
    if nanos == 0 { return "" }
    var digits = pad(nanos, 9)
    while digits.hasSuffix("000") { digits.removeLast(3) }
    return "." + digits
}
