import Foundation

/// Every report format posture writes.
public enum ReportFormat: String, Sendable, CaseIterable, Hashable {
    case text, json, sarif, junit, ocsf, csv, markdown, html

    /// Accepts the names and a few common aliases (`md`, `xml`, `junit-xml`).
    public init?(name: String) {
        let name = name.lowercased()
        if let format = ReportFormat(rawValue: name) {
            self = format
            return
        }
        switch name {
        case "md": self = .markdown
        case "xml", "junit-xml": self = .junit
        case "htm": self = .html
        default: return nil
        }
    }

    /// Whether this format lists passing checks even without `--include-pass`: JUnit's test
    /// counts mean something only when passing test cases are there.
    public var alwaysListsPasses: Bool { self == .junit }
}

/// Where one report goes: a format and a file, or standard output (`path` nil or `-`).
public struct OutputTarget: Sendable, Hashable, CustomStringConvertible {
    public var format: ReportFormat
    /// nil: standard output.
    public var path: String?

    public init(format: ReportFormat, path: String?) {
        self.format = format
        self.path = path == "-" ? nil : path
    }

    public var description: String { "\(format.rawValue)=\(path ?? "-")" }

    public struct ParseError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Parses `FORMAT=PATH` (PATH `-` is standard output; a bare FORMAT is standard output too).
    public static func parse(_ text: String) throws(ParseError) -> OutputTarget {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.first, let format = ReportFormat(name: name) else {
            throw ParseError(description: "'\(text)': expected FORMAT=PATH with FORMAT one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if parts.count == 2, parts[1].isEmpty { throw ParseError(description: "'\(text)': the path after '=' is empty (use '-' for standard output)") }
        return OutputTarget(format: format, path: parts.count == 2 ? parts[1] : nil)
    }

    /// Pairs repeated `--format` and `--output` options by position, then adds `--report FORMAT=PATH` targets.
    ///
    /// The n-th `--output` receives the n-th `--format`; a format without an output goes to
    /// standard output. No `--format` means `text`, to standard output unless an `--output` names
    /// a file for it. Only one report may go to standard output, and two reports may not share a file.
    public static func plan(formats: [ReportFormat], outputs: [String], reports: [OutputTarget]) throws(ParseError) -> [OutputTarget] {
        let formats = formats.isEmpty && (!outputs.isEmpty || reports.allSatisfy { $0.path != nil }) ? [.text] : formats
        guard outputs.count <= formats.count else {
            throw ParseError(description: "\(outputs.count) --output options but only \(formats.count) --format; pair each --output with a --format, or use --report FORMAT=PATH")
        }
        var targets = formats.enumerated().map { OutputTarget(format: $1, path: $0 < outputs.count ? outputs[$0] : nil) }
        targets += reports
        let toStandardOutput = targets.filter { $0.path == nil }
        if toStandardOutput.count > 1 {
            throw ParseError(description: "only one report can go to standard output, not \(toStandardOutput.map(\.format.rawValue).joined(separator: " and ")); give the others a file")
        }
        var seen = Set<String>()
        for path in targets.compactMap(\.path) where !seen.insert(path).inserted {
            throw ParseError(description: "two reports would be written to \(path)")
        }
        return targets
    }
}
