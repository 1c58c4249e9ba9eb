/// A place in a file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found while loading policies, waivers or inputs, with its place.
///
/// Printed as `FILE:LINE:COL: error: message`, the form compilers use and editors jump to,
/// followed (when the source line is known) by that line and a caret under the column.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    /// Stable machine-readable kind, e.g. `unknown-key`, `undefined-field`, `yaml-syntax`.
    public var code: String
    public var message: String
    public var location: SourceLocation
    /// The text of the line the location points into, for the caret display.
    public var sourceLine: String?
    public var notes: [String]

    public init(
        _ severity: Severity = .error, code: String, message: String, location: SourceLocation,
        sourceLine: String? = nil, notes: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.notes = notes
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }

    /// The one-line form: `FILE:LINE:COL: error: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// The one-line form, then the source line and a caret, then notes — each extra line indented.
    public var rendered: String {
        var lines = [description]
        if let sourceLine, !sourceLine.isEmpty {
            let text = Self.printable(sourceLine)
            lines.append("    " + text)
            let padding = String(repeating: " ", count: max(0, min(location.column - 1, text.unicodeScalars.count)))
            lines.append("    " + padding + "^")
        }
        lines += notes.map { "    note: " + $0 }
        return lines.joined(separator: "\n")
    }

    /// Tabs become spaces so the caret lines up; control characters are shown as `?`.
    private static func printable(_ line: String) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.map { scalar -> Unicode.Scalar in
            if scalar == "\t" { return " " }
            return scalar.value < 0x20 || scalar.value == 0x7F ? "?" : scalar
        }))
    }
}

/// Every problem found in one load, sorted and capped so a broken tree cannot flood a terminal.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public static let displayCap = 200
    public private(set) var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic] = []) { self.diagnostics = diagnostics }

    public var isEmpty: Bool { diagnostics.isEmpty }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    public mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

    /// Sorted by place, duplicates removed.
    public var sorted: [Diagnostic] { Array(Set(diagnostics)).sorted() }

    public var description: String {
        let all = sorted
        var lines = all.prefix(Self.displayCap).map(\.rendered)
        if all.count > Self.displayCap {
            lines.append("… and \(all.count - Self.displayCap) more errors")
        }
        return lines.joined(separator: "\n")
    }
}
