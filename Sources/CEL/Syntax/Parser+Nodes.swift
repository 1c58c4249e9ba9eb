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

    private func childDepth(of kind: ExprKind) -> Int {
        switch kind {
        case .literal, .ident:
            return 0
        case .select(let operand, _, _):
            return depth(of: operand)
        case .call(_, let target, let args):
            return args.reduce(target.map(depth(of:)) ?? 0) { max($0, depth(of: $1)) }
        case .list(let elements):
            return elements.reduce(0) { max($0, depth(of: $1)) }
        case .map(let entries):
            return entries.reduce(0) { max($0, depth(of: $1.key), depth(of: $1.value)) }
        case .comprehension(let comprehension):
            let parts = [comprehension.range, comprehension.predicate, comprehension.transform]
            return parts.reduce(0) { max($0, $1.map(depth(of:)) ?? 0) }
        }
    }

    private func depth(of expr: Expr) -> Int {
        expr.id < depths.count ? depths[expr.id] : 0
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
    func mismatched(expecting expected: String) -> CELDiagnostic {
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
