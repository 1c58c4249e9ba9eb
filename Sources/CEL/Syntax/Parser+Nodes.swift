/// Node construction (ids and depth accounting) and diagnostics.
extension SyntaxParser {
    /// Builds a node, giving it the next id (or `reusing` the id of a node the caller
    /// discards), and fails when the tree would grow deeper than `maxNestingDepth`.
    ///
    /// Depth is measured in nodes: a leaf has depth 1. Because every node is checked when
    /// it is built, no tree deeper than the limit ever leaves the parser.
    mutating func node(_ kind: ExprKind, at position: SourcePosition, reusing id: Int? = nil) throws(CELDiagnostic) -> Expr {
        let depth = childDepth(of: kind) + 1
        guard depth <= limits.maxNestingDepth else { throw nestingLimit(at: position) }
        if let id, id > 0, id < depths.count {
            depths[id] = depth
            return Expr(id: id, position: position, kind: kind)
        }
        depths.append(depth)
        return Expr(id: depths.count - 1, position: position, kind: kind)
    }

    private mutating func childDepth(of kind: ExprKind) -> Int {
        switch kind {
        case .literal, .ident:
            return 0
        case .select(let operand, _, _):
            return depth(of: operand)
        case .call(_, let target, let args):
            return max(depth(of: target), deepest(args))
        case .list(let elements):
            return deepest(elements)
        case .map(let entries):
            var result = 0
            for entry in entries { result = max(result, depth(of: entry.key), depth(of: entry.value)) }
            return result
        case .comprehension(let comprehension):
            return max(depth(of: comprehension.range), depth(of: comprehension.predicate), depth(of: comprehension.transform))
        }
    }

    private mutating func deepest(_ exprs: [Expr]) -> Int {
        var result = 0
        for expr in exprs { result = max(result, depth(of: expr)) }
        return result
    }

    private mutating func depth(of expr: Expr?) -> Int {
        guard let expr, expr.id < depths.count else { return 0 }
        return depths[expr.id]
    }

    // MARK: Diagnostics

    func syntaxError(_ message: String, at position: SourcePosition) -> CELDiagnostic {
        CELDiagnostic(code: "syntax", message: "Syntax error: " + message, position: position)
    }

    func nestingLimit(at position: SourcePosition) -> CELDiagnostic {
        CELDiagnostic(
            code: "limit",
            message: "expression nesting exceeds the limit of \(limits.maxNestingDepth)",
            position: position
        )
    }

    /// cel-go's wording: "mismatched input ')' expecting <EOF>".
    mutating func mismatched(expecting expected: String) -> CELDiagnostic {
        syntaxError("mismatched input \(describe(current)) expecting \(expected)", at: current.position)
    }

    /// The token as quoted source text (shortened if long), or `'<EOF>'` as cel-go prints it.
    func describe(_ token: Token) -> String {
        if token.kind == .endOfInput { return "'<EOF>'" }
        let start = token.position.offset
        let end = min(token.end, start + 40, scalars.count)
        guard start < end else { return "''" }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<end])
        return "'" + String(text) + (token.end > end ? "…'" : "'")
    }
}
