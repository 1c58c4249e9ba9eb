import CEL
import Foundation

/// Text forms of CEL values: JSON for `posture eval`, and a plain display form for messages.
public enum CELValueFormatter {
    /// JSON: ints as integers, doubles with a decimal point or exponent, timestamps as RFC 3339
    /// strings, durations as `"1.5s"`, bytes as base64, maps as objects (non-string keys as text).
    public static func json(_ value: CELValue, pretty: Bool = false) -> String {
        var output = ""
        writeJSON(value, into: &output, indent: pretty ? 0 : nil)
        return output
    }

    /// How a value reads inside a message: strings bare, lists comma-separated, the rest as JSON.
    public static func display(_ value: CELValue) -> String {
        switch value {
        case let .string(text): text
        case let .list(items): items.map(display).joined(separator: ", ")
        case let .timestamp(timestamp): rfc3339(timestamp)
        case let .duration(duration): durationText(duration)
        default: json(value)
        }
    }

    private static func writeJSON(_ value: CELValue, into output: inout String, indent: Int?) {
        switch value {
        case .null: output += "null"
        case let .bool(flag): output += flag ? "true" : "false"
        case let .int(number): output += String(number)
        case let .uint(number): output += String(number)
        case let .double(number): output += doubleText(number)
        case let .string(text): output += quoted(text)
        case let .bytes(bytes): output += quoted(Data(bytes).base64EncodedString())
        case let .timestamp(timestamp): output += quoted(rfc3339(timestamp))
        case let .duration(duration): output += quoted(durationText(duration))
        case let .type(type): output += quoted(type.description)
        case let .list(items):
            writeContainer("[", "]", items.map { item in { (out: inout String, level: Int?) in writeJSON(item, into: &out, indent: level) } }, into: &output, indent: indent)
        case let .map(map):
            let entries = map.entries.map { (key: keyText($0.key), value: $0.value) }.sorted { $0.key < $1.key }
            writeContainer("{", "}", entries.map { entry in { (out: inout String, level: Int?) in
                out += quoted(entry.key) + (level == nil ? ":" : ": ")
                writeJSON(entry.value, into: &out, indent: level)
            } }, into: &output, indent: indent)
        }
    }

    private static func writeContainer(
        _ open: String, _ close: String, _ writers: [(inout String, Int?) -> Void], into output: inout String, indent: Int?
    ) {
        output += open
        guard !writers.isEmpty else { output += close; return }
        let inner = indent.map { $0 + 2 }
        for (index, write) in writers.enumerated() {
            if index > 0 { output += "," }
            if let inner { output += "\n" + String(repeating: " ", count: inner) }
            write(&output, inner)
        }
        if let indent { output += "\n" + String(repeating: " ", count: indent) }
        output += close
    }

    private static func keyText(_ key: CELValue) -> String {
        if case let .string(text) = key { return text }
        return json(key)
    }

    static func doubleText(_ number: Double) -> String {
        if number.isNaN { return "\"NaN\"" }
        if number.isInfinite { return number > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
        let text = "\(number)"
        return text.contains(".") || text.contains("e") || text.contains("E") ? text : text + ".0"
    }

    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20: output += String(format: "\\u%04x", scalar.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits.
    public static func rfc3339(_ timestamp: CELTimestamp) -> String {
        let days = floorDivide(timestamp.seconds, 86_400)
        let secondsOfDay = timestamp.seconds - days * 86_400
        let (year, month, day) = civilDate(fromDays: days)
        let time = String(format: "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld", year, month, day,
                          secondsOfDay / 3600, secondsOfDay % 3600 / 60, secondsOfDay % 60)
        return time + fraction(Int64(timestamp.nanos)) + "Z"
    }

    /// Seconds with the shortest exact fraction: `"1.5s"`, `"-0.000000001s"`, `"5400s"`.
    public static func durationText(_ duration: CELDuration) -> String {
        let negative = duration.seconds < 0 || duration.nanos < 0
        let seconds = duration.seconds.magnitude
        var digits = String(format: "%09lld", Int64(duration.nanos.magnitude))
        while digits.hasSuffix("0") { digits.removeLast() }
        return (negative ? "-" : "") + "\(seconds)" + (digits.isEmpty ? "" : "." + digits) + "s"
    }

    private static func fraction(_ nanos: Int64) -> String {
        guard nanos != 0 else { return "" }
        if nanos % 1_000_000 == 0 { return String(format: ".%03lld", nanos / 1_000_000) }
        if nanos % 1000 == 0 { return String(format: ".%06lld", nanos / 1000) }
        return String(format: ".%09lld", nanos)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// Howard Hinnant's days-from-civil inverse: days since 1970-01-01 → (year, month, day).
    private static func civilDate(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
