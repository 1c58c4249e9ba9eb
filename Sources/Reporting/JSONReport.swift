import Foundation

/// posture's JSON report: the `ScanReport` with sorted keys and RFC 3339 times.
/// The schema is documented in `docs/report-schema.md`.
///
/// Findings are encoded in chunks and spliced into the rest of the report, so that a scan with
/// tens of thousands of findings never holds the encoder's tree of the whole report at once
/// (that tree, not the text, is what made large JSON reports cost 1.5× the memory of the scan).
public enum JSONReport {
    static let chunkSize = 512

    public static func render(_ report: ScanReport) throws -> String {
        let encoder = makeEncoder()
        var frame = report
        frame.policiesOverride = report.policies
        frame.findings = []
        let framed = String(decoding: try encoder.encode(frame), as: UTF8.self)
        // With sorted keys and pretty printing, an empty list of findings is exactly this.
        let placeholder = "\"findings\" : [\n\n  ]"
        guard !report.findings.isEmpty, let range = framed.range(of: placeholder) else { return framed + "\n" }
        // Bytes, not Strings: splicing 30,000 findings line by line as Substrings costs seconds.
        var output = [UInt8]()
        output.reserveCapacity(framed.utf8.count + report.findings.count * 1024)
        output += framed[..<range.lowerBound].utf8
        output += "\"findings\" : [\n".utf8
        for start in stride(from: 0, to: report.findings.count, by: chunkSize) {
            let chunk = Array(report.findings[start..<min(start + chunkSize, report.findings.count)])
            let text = try encoder.encode(chunk)
            if start > 0 { output += ",\n".utf8 }
            appendIndented(elementsOf: text, to: &output)
        }
        output += "\n  ]".utf8
        output += framed[range.upperBound...].utf8
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the lines between a pretty-printed array's brackets, each non-empty line
    /// indented two more spaces (the array sits one level deeper in the report).
    private static func appendIndented(elementsOf array: Data, to output: inout [UInt8]) {
        let bytes = [UInt8](array)
        guard let firstNewline = bytes.firstIndex(of: 0x0A), let lastNewline = bytes.lastIndex(of: 0x0A), firstNewline < lastNewline else {
            return
        }
        var atLineStart = true
        for byte in bytes[(firstNewline + 1)..<lastNewline] {
            if atLineStart && byte != 0x0A {
                output.append(0x20)
                output.append(0x20)
            }
            output.append(byte)
            atLineStart = byte == 0x0A
        }
    }

    /// The whole report through one encoder: the reference the chunked writer must equal.
    static func renderWhole(_ report: ScanReport) throws -> String {
        String(decoding: try makeEncoder().encode(report), as: UTF8.self) + "\n"
    }

    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
