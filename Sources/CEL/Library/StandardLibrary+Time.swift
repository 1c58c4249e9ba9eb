import Foundation

/// `timestamp()`, `duration()` and their calendar and clock accessors.
extension StandardLibrary {
    static func toTimestamp(_ value: CELValue) throws(CELEvaluationError) -> CELValue? {
        switch value {
        case .timestamp: return value
        case let .int(seconds): return .timestamp(try CELTimestamp.checked(seconds: seconds, nanos: 0))
        case let .string(text): return .timestamp(try TimeText.parseTimestamp(text))
        default: return nil
        }
    }

    static func toDuration(_ value: CELValue) throws(CELEvaluationError) -> CELValue? {
        switch value {
        case .duration: return value
        case let .string(text): return .duration(try TimeText.parseDuration(text))
        default: return nil
        }
    }

    /// The calendar and clock fields CEL exposes; month, day-of-month and day-of-year are 0-based.
    enum TimeField: String, CaseIterable {
        case getFullYear, getMonth, getDate, getDayOfMonth, getDayOfWeek, getDayOfYear
        case getHours, getMinutes, getSeconds, getMilliseconds

        var appliesToDurations: Bool {
            [.getHours, .getMinutes, .getSeconds, .getMilliseconds].contains(self)
        }

        func value(of time: CELTimestamp, offset: Int64) -> Int64 {
            let local = time.seconds + offset
            let days = local.floorDivided(by: 86_400)
            let secondOfDay = local - days * 86_400
            let date = CivilDate(days: days)
            switch self {
            case .getFullYear: return date.year
            case .getMonth: return date.month - 1
            case .getDate: return date.day
            case .getDayOfMonth: return date.day - 1
            case .getDayOfWeek: return (days + 4) - (days + 4).floorDivided(by: 7) * 7
            case .getDayOfYear: return days - CivilDate(year: date.year, month: 1, day: 1).daysSinceEpoch
            case .getHours: return secondOfDay / 3600
            case .getMinutes: return secondOfDay / 60 % 60
            case .getSeconds: return secondOfDay % 60
            case .getMilliseconds: return Int64(time.nanos) / 1_000_000
            }
        }

        func value(of duration: CELDuration) -> Int64 {
            switch self {
            case .getHours: duration.seconds / 3600
            case .getMinutes: duration.seconds / 60
            case .getSeconds: duration.seconds
            default: Int64(duration.nanos) / 1_000_000
            }
        }
    }

    static func accessor(_ field: TimeField) -> FunctionDecl {
        var overloads = [
            overload("timestamp_\(field.rawValue)", member: true, [.timestamp], .int) {
                (arguments) throws(CELEvaluationError) -> CELValue in
                guard arguments.count == 1, case let .timestamp(time) = arguments[0] else {
                    throw CELOperators.noMatchingOverload(field.rawValue, arguments)
                }
                return .int(field.value(of: time, offset: 0))
            },
            overload("timestamp_\(field.rawValue)_with_tz", member: true, [.timestamp, .string], .int) {
                (arguments) throws(CELEvaluationError) -> CELValue in
                guard arguments.count == 2, case let .timestamp(time) = arguments[0],
                      case let .string(zone) = arguments[1]
                else { throw CELOperators.noMatchingOverload(field.rawValue, arguments) }
                return .int(field.value(of: time, offset: try TimeText.offset(of: zone, at: time)))
            },
        ]
        if field.appliesToDurations {
            overloads.append(overload("duration_\(field.rawValue)", member: true, [.duration], .int) {
                (arguments) throws(CELEvaluationError) -> CELValue in
                guard arguments.count == 1, case let .duration(duration) = arguments[0] else {
                    throw CELOperators.noMatchingOverload(field.rawValue, arguments)
                }
                return .int(field.value(of: duration))
            })
        }
        return FunctionDecl(
            name: field.rawValue,
            documentation: "`t.\(field.rawValue)()` / `t.\(field.rawValue)(tz)`: a calendar or clock field of a "
                + "timestamp in UTC or the given time zone (IANA name or ±HH:MM).",
            overloads: overloads)
    }

    static var timeDeclarations: [FunctionDecl] {
        [
            FunctionDecl(name: "timestamp", documentation: "A timestamp from RFC 3339 text or Unix seconds.",
                         overloads: unary("timestamp", [("string_to_timestamp", .string, .timestamp),
                                                        ("int64_to_timestamp", .int, .timestamp),
                                                        ("timestamp_to_timestamp", .timestamp, .timestamp)],
                                          toTimestamp)),
            FunctionDecl(name: "duration", documentation: "A duration from text such as '1h30m', '-1.5s', '250ms'.",
                         overloads: unary("duration", [("string_to_duration", .string, .duration),
                                                       ("duration_to_duration", .duration, .duration)], toDuration)),
        ] + TimeField.allCases.map(accessor)
    }
}

/// Parsing of timestamp, duration and time-zone text.
enum TimeText {
    static func invalid(_ what: String, _ text: String) -> CELEvaluationError {
        CELEvaluationError("invalid \(what) '\(text)'")
    }

    /// RFC 3339: `2009-02-13T23:31:30Z`, `2009-02-13T23:31:30.123+01:00`.
    static func parseTimestamp(_ text: String) throws(CELEvaluationError) -> CELTimestamp {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int64? {
            guard start + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[start..<(start + count)] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20, let year = number(0, 4), bytes[4] == 45, let month = number(5, 2), bytes[7] == 45,
              let day = number(8, 2), [84, 116].contains(bytes[10]), let hour = number(11, 2), bytes[13] == 58,
              let minute = number(14, 2), bytes[16] == 58, let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { throw invalid("timestamp", text) }
        var cursor = 19
        var nanos: Int64 = 0
        if cursor < bytes.count, bytes[cursor] == 46 {
            cursor += 1
            var digits = 0
            while cursor < bytes.count, (48...57).contains(bytes[cursor]) {
                if digits < 9 { nanos = nanos * 10 + Int64(bytes[cursor] - 48) }
                digits += 1
                cursor += 1
            }
            guard digits > 0 else { throw invalid("timestamp", text) }
            for _ in digits..<max(digits, 9) { nanos *= 10 }
        }
        let offset = try zoneSuffix(bytes[cursor...], text)
        guard year >= 1 else { throw CELEvaluationError("range error: timestamp '\(text)' out of range") }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        do throws(CELEvaluationError) {
            return try CELTimestamp.checked(seconds: seconds, nanos: nanos)
        } catch {
            throw CELEvaluationError("range error: timestamp '\(text)' out of range")
        }
    }

    private static func zoneSuffix(_ rest: ArraySlice<UInt8>, _ text: String) throws(CELEvaluationError) -> Int64 {
        if rest.count == 1, rest.first == 90 || rest.first == 122 { return 0 }
        guard rest.count == 6, let offset = fixedOffset(String(decoding: rest, as: UTF8.self)) else {
            throw invalid("timestamp", text)
        }
        return offset
    }

    /// `+01:00`, `-02:30`, or `02:00` (sign optional): seconds east of UTC.
    static func fixedOffset(_ text: String) -> Int64? {
        var body = Substring(text)
        var sign: Int64 = 1
        if body.first == "+" { body = body.dropFirst() } else if body.first == "-" { sign = -1; body = body.dropFirst() }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hours = Int64(parts[0]),
              let minutes = Int64(parts[1]), hours < 24, minutes < 60
        else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    /// Seconds east of UTC of a zone (IANA name or fixed offset) at a given instant.
    static func offset(of zone: String, at time: CELTimestamp) throws(CELEvaluationError) -> Int64 {
        if let fixed = fixedOffset(zone) { return fixed }
        guard let timeZone = TimeZone(identifier: zone) else {
            throw CELEvaluationError("unknown time zone '\(zone)'")
        }
        return Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time.seconds))))
    }
}
