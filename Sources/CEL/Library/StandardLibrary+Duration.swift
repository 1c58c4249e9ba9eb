extension TimeText {
    /// Go duration syntax, as CEL specifies: an optional sign, then one or more decimal
    /// numbers with a unit (`h`, `m`, `s`, `ms`, `us`/`µs`, `ns`), e.g. `1h2m3.5s`, `-1.5s`; or `0`.
    static func parseDuration(_ text: String) throws(CELEvaluationError) -> CELDuration {
        var scalars = Substring(text).unicodeScalars[...]
        var negative = false
        if scalars.first == "-" || scalars.first == "+" {
            negative = scalars.first == "-"
            scalars = scalars.dropFirst()
        }
        if String(scalars) == "0" { return CELDuration(seconds: 0, nanos: 0) }
        guard !scalars.isEmpty else { throw invalid("duration", text) }
        var seconds: Int64 = 0
        var nanos: Int64 = 0
        while !scalars.isEmpty {
            let whole = scalars.prefix { ("0"..."9").contains($0) }
            scalars = scalars.dropFirst(whole.count)
            var fraction = Substring.UnicodeScalarView()
            if scalars.first == "." {
                scalars = scalars.dropFirst()
                fraction = scalars.prefix { ("0"..."9").contains($0) }
                scalars = scalars.dropFirst(fraction.count)
            }
            let unitText = String(scalars.prefix { !("0"..."9").contains($0) && $0 != "." })
            scalars = scalars.dropFirst(unitText.unicodeScalars.count)
            guard !(whole.isEmpty && fraction.isEmpty), let unit = unitNanos[unitText],
                  let integer = whole.isEmpty ? 0 : Int64(String(whole))
            else { throw invalid("duration", text) }
            let fractionNanos = fraction.isEmpty ? 0 : Int64(((Double("0." + String(fraction)) ?? 0) * Double(unit)).rounded())
            try accumulate(integer: integer, unit: unit, fractionNanos: fractionNanos, into: &seconds, &nanos, text)
        }
        return try CELDuration.checked(seconds: negative ? -seconds : seconds, nanos: negative ? -nanos : nanos)
    }

    private static let unitNanos: [String: Int64] = [
        "ns": 1, "us": 1000, "µs": 1000, "μs": 1000, "ms": 1_000_000, "s": 1_000_000_000,
        "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    private static func accumulate(
        integer: Int64, unit: Int64, fractionNanos: Int64, into seconds: inout Int64, _ nanos: inout Int64, _ text: String
    ) throws(CELEvaluationError) {
        // Whole units of a second or more add to seconds, so ten thousand years fit in Int64.
        let (unitSeconds, unitRemainder) = unit >= 1_000_000_000 ? (unit / 1_000_000_000, Int64(0)) : (0, unit)
        let (wholeSeconds, overflowA) = integer.multipliedReportingOverflow(by: unitSeconds)
        let (wholeNanos, overflowB) = integer.multipliedReportingOverflow(by: unitRemainder)
        let (sumSeconds, overflowC) = seconds.addingReportingOverflow(wholeSeconds)
        guard !overflowA, !overflowB, !overflowC else {
            throw CELEvaluationError("range error: duration '\(text)' out of range")
        }
        seconds = sumSeconds
        nanos += wholeNanos % 1_000_000_000 + fractionNanos
        seconds += wholeNanos / 1_000_000_000 + nanos / 1_000_000_000
        nanos %= 1_000_000_000
        guard seconds <= CELDuration.maxSeconds else {
            throw CELEvaluationError("range error: duration '\(text)' out of range")
        }
    }
}
