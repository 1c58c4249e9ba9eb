/// Parses CEL source text into a syntax tree, expanding macros as cel-go does.
///
/// The parser is a hand-written recursive descent over langdef's grammar. It enforces
/// `CELLimits`: sources longer than `maxExpressionLength` and trees deeper than
/// `maxNestingDepth` are rejected with a `limit` diagnostic, never with a crash, so that
/// later passes (checker, evaluator) may recurse over any tree it returns.
///
/// ```swift
/// let parsed = try Parser().parse("bucket.encryption.enabled && size(bucket.tags) > 0")
/// ```
public struct Parser: Sendable {
    public let limits: CELLimits

    /// - Parameter limits: Bounds on source length and tree depth.
    public init(limits: CELLimits = .default) {
        self.limits = limits
    }

    /// Parses one expression.
    ///
    /// - Parameter source: The CEL expression text.
    /// - Returns: The syntax tree, whose node ids are `1...maxID`, each used once.
    /// - Throws: `CELDiagnostics` with every lexical error found, or else the first syntax
    ///   error; each diagnostic has code `syntax` or `limit` and a position.
    public func parse(_ source: String) throws(CELDiagnostics) -> ParsedExpression {
        let length = source.unicodeScalars.count
        guard length <= limits.maxExpressionLength else {
            throw CELDiagnostics([CELDiagnostic(
                code: "limit",
                message: "expression length \(length) exceeds the limit of \(limits.maxExpressionLength)",
                position: .start
            )])
        }
        let scalars = Array(source.unicodeScalars)
        let (tokens, lexicalErrors) = Lexer.tokenize(scalars)
        guard lexicalErrors.isEmpty else { throw CELDiagnostics(lexicalErrors) }
        do {
            let (root, maxID) = try SyntaxParser.parse(tokens: tokens, scalars: scalars, limits: limits)
            return ParsedExpression(source: source, root: root, maxID: maxID)
        } catch {
            throw CELDiagnostics([error])
        }
    }
}

/// The result of parsing: the source it came from and its syntax tree.
public struct ParsedExpression: Sendable {
    public let source: String
    public let root: Expr
    /// Node ids run from 1 to `maxID`, each used by exactly one node of `root`.
    public let maxID: Int

    public init(source: String, root: Expr, maxID: Int) {
        self.source = source
        self.root = root
        self.maxID = maxID
    }
}
