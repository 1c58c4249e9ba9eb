// TEMPORARY: stands in for the parser's `ParsedExpression` until `cel-parser` is merged.
// Delete this file when merging; the parser branch owns the real type.

/// The result of parsing one expression.
public struct ParsedExpression: Sendable {
    public let root: Expr
    public let source: String
    public let maxID: Int

    public init(root: Expr, source: String, maxID: Int) {
        self.root = root
        self.source = source
        self.maxID = maxID
    }
}
