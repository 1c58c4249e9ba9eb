import Foundation

/// posture's JSON report: the `ScanReport` with sorted keys and RFC 3339 times.
/// The schema is documented in `docs/report-schema.md`.
public enum JSONReport {
    public static func render(_ report: ScanReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
