/// A position inside a CEL expression's source text.
///
/// `line` and `column` are 1-based and count Unicode scalars, so that a policy loader can
/// map a position inside an expression back to a position inside the YAML file that holds it.
/// `offset` is the 0-based Unicode-scalar offset from the start of the expression.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static let start = SourcePosition(offset: 0, line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }

    public var description: String { "\(line):\(column)" }
}

/// One problem found while parsing or checking an expression, with its place.
public struct CELDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable machine-readable kind of the problem, e.g. `syntax`, `undeclared-reference`.
    public var code: String
    public var message: String
    public var position: SourcePosition

    public init(code: String, message: String, position: SourcePosition) {
        self.code = code
        self.message = message
        self.position = position
    }

    public var description: String { "\(position): \(message)" }
}

/// All problems found in one expression; thrown by parsing and checking.
public struct CELDiagnostics: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostics: [CELDiagnostic]

    public init(_ diagnostics: [CELDiagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
