/// Macro expansion at parse time, as cel-go does it.
///
/// A call is a macro only when its name and argument count match: `has(e.f)` (global, one
/// argument), `r.all(x, p)`, `r.exists(x, p)`, `r.exists_one(x, p)`, `r.filter(x, p)`,
/// `r.map(x, t)` and `r.map(x, p, t)` (member calls). Any other shape, such as `r.all(1)` or
/// `all(x, p)`, stays an ordinary call for the checker to judge.
///
/// Expansion reuses the id of an argument node that the expansion drops (the field selection
/// inside `has`, the iteration variable of a comprehension), so ids stay `1...maxID` with
/// no gaps.
extension SyntaxParser {
    mutating func globalCallOrMacro(function: String, at position: SourcePosition, args: [Expr]) throws(CELDiagnostic) -> Expr {
        guard function == "has", args.count == 1 else {
            return try node(.call(function: function, target: nil, args: args), at: position)
        }
        let argument = args[0]
        guard case .select(let operand, let field, testOnly: false) = argument.kind else {
            throw syntaxError("invalid argument to has() macro", at: argument.position)
        }
        // Positioned at the selection's `.`, which names the field being tested.
        return try node(.select(operand: operand, field: field, testOnly: true), at: argument.position, reusing: argument.id)
    }

    mutating func memberCallOrMacro(target: Expr, function: String, at position: SourcePosition, args: [Expr]) throws(CELDiagnostic) -> Expr {
        guard let kind = MacroKind(rawValue: function), Self.macroArities(kind).contains(args.count) else {
            return try node(.call(function: function, target: target, args: args), at: position)
        }
        let variable = args[0]
        guard case .ident(let name) = variable.kind, !name.hasPrefix(".") else {
            throw syntaxError("argument is not an identifier", at: variable.position)
        }
        let predicate: Expr?
        let transform: Expr?
        switch (kind, args.count) {
        case (.map, 2): (predicate, transform) = (nil, args[1])
        case (.map, _): (predicate, transform) = (args[1], args[2])
        default: (predicate, transform) = (args[1], nil)
        }
        let comprehension = Comprehension(
            kind: kind, range: target, variable: name, predicate: predicate, transform: transform
        )
        return try node(.comprehension(comprehension), at: position, reusing: variable.id)
    }

    static func macroArities(_ kind: MacroKind) -> ClosedRange<Int> {
        kind == .map ? 2...3 : 2...2
    }
}
