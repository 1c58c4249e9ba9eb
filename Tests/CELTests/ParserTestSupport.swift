@testable import CEL

/// Helpers shared by the parser tests (namespaced so other CEL test files can't collide).
enum ParseProbe {
    /// Parses with `limits` and prints the tree; a failure prints the diagnostics instead.
    static func sexpr(_ source: String, positions: Bool = false, limits: CELLimits = .default) -> String {
        do {
            return ExprPrinter.print(try Parser(limits: limits).parse(source).root, positions: positions)
        } catch {
            return "error: \(error)"
        }
    }

    /// The diagnostics of a source (empty if it parsed).
    static func diagnostics(_ source: String, limits: CELLimits = .default) -> [CELDiagnostic] {
        do {
            _ = try Parser(limits: limits).parse(source)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Every node of the tree, in pre-order (the trees tests build are shallow).
    static func nodes(_ expr: Expr) -> [Expr] {
        var result = [expr]
        switch expr.kind {
        case .literal, .ident:
            break
        case .select(let operand, _, _):
            result += nodes(operand)
        case .call(_, let target, let args):
            result += ([target].compactMap { $0 } + args).flatMap(nodes)
        case .list(let elements):
            result += elements.flatMap(nodes)
        case .map(let entries):
            result += entries.flatMap { nodes($0.key) + nodes($0.value) }
        case .comprehension(let comprehension):
            let parts = [comprehension.range, comprehension.predicate, comprehension.transform]
            result += parts.compactMap { $0 }.flatMap(nodes)
        }
        return result
    }

    /// Whether the ids of the tree are exactly 1...maxID.
    static func idsAreDense(_ parsed: ParsedExpression) -> Bool {
        parsed.maxID >= 1 && nodes(parsed.root).map(\.id).sorted() == Array(1...parsed.maxID)
    }
}
