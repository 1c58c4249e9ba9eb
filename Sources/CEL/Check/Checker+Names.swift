/// Identifiers, qualified names and field selection.
extension CheckingPass {
    /// The dotted name an identifier/selection chain spells (`a.b.c`, or `.a.b` with a
    /// leading dot), or nil when the chain holds anything but identifiers and selections.
    static func qualifiedName(_ expr: Expr) -> String? {
        switch expr.kind {
        case let .ident(name): name
        case let .select(operand, field, false): qualifiedName(operand).map { "\($0).\(field)" }
        default: nil
        }
    }

    /// The innermost macro variable with this name, if any.
    func local(_ name: String) -> CELType? {
        scopes.last(where: { $0.name == name })?.type
    }

    /// The identifier a chain starts with.
    static func root(_ expr: Expr) -> Expr {
        if case let .select(operand, _, _) = expr.kind { return root(operand) }
        return expr
    }

    /// Whether a name refers to a macro variable (which then cannot start a qualified name).
    func isLocalRoot(_ name: String) -> Bool {
        let first = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
        return !name.hasPrefix(".") && local(first) != nil
    }

    func checkIdent(_ expr: Expr, name: String) -> CELType {
        // A leading dot names the root scope: macro variables do not apply.
        let isRooted = name.hasPrefix(".")
        let bare = isRooted ? String(name.dropFirst()) : name
        if !isRooted, let type = local(bare) {
            references[expr.id] = .variable(bare)
            return type
        }
        if let type = environment.variables[bare] {
            references[expr.id] = .variable(bare)
            return type
        }
        if Self.typeNames.contains(bare) { return .type }
        reportUndeclared(expr, name: bare)
        return .dyn
    }

    private func reportUndeclared(_ expr: Expr, name: String) {
        let declared = Array(environment.variables.keys)
        var shown = name
        var candidates: [String]
        if let chain = chainNames[expr.id], declared.contains(where: { $0.hasPrefix(name + ".") }) {
            // Variables such as `a.b.c` exist: the mistake is in the rest of the chain.
            shown = chain.hasPrefix(".") ? String(chain.dropFirst()) : chain
            candidates = declared
        } else {
            candidates = declared.map { String($0.split(separator: ".").first ?? Substring($0)) }
            candidates += scopes.map(\.name)
        }
        report(
            CheckCode.undeclaredReference,
            "undeclared reference to '\(shown)'" + Suggestion.didYouMean(shown, among: candidates),
            at: expr.position
        )
    }

    func checkSelect(_ expr: Expr, operand: Expr, field: String, testOnly: Bool) -> CELType {
        if !testOnly, let name = Self.qualifiedName(expr), !isLocalRoot(name) {
            let bare = name.hasPrefix(".") ? String(name.dropFirst()) : name
            if let type = environment.variables[bare] {
                references[expr.id] = .variable(bare)
                return type
            }
            let root = Self.root(expr)
            if chainNames[root.id] == nil { chainNames[root.id] = name }
        }
        let operandType = visit(operand)
        let fieldType = select(field, on: operandType, at: expr.position)
        return testOnly ? .bool : fieldType
    }

    /// The type of `operand.field` (also used for `has(operand.field)`).
    private func select(_ field: String, on operandType: CELType, at position: SourcePosition) -> CELType {
        switch operandType {
        case let .object(object):
            if let type = object.fields[field] { return type }
            report(
                CheckCode.undefinedField,
                "undefined field '\(field)' on type '\(object.name)'"
                    + Suggestion.didYouMean(field, among: Array(object.fields.keys)),
                at: position
            )
            return .dyn
        case let .map(key, value):
            if key == .string || key.isDynamic { return value }
            report(CheckCode.undefinedField, "cannot select field '\(field)' on type '\(operandType)': its keys are not strings", at: position)
            return .dyn
        case .dyn, .typeParam:
            return .dyn
        default:
            report(CheckCode.undefinedField, "type '\(operandType)' does not support field selection ('.\(field)')", at: position)
            return .dyn
        }
    }
}

/// "Did you mean" hints for misspelt names.
enum Suggestion {
    /// `"; did you mean 'x'?"` for the closest candidate within a small edit distance, or "".
    static func didYouMean(_ name: String, among candidates: [String]) -> String {
        let limit = name.count <= 3 ? 1 : (name.count <= 8 ? 2 : 3)
        var best: (name: String, distance: Int)?
        for candidate in Set(candidates).sorted() where candidate != name {
            let distance = editDistance(name, candidate)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best.map { "; did you mean '\($0.name)'?" } ?? ""
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and
    /// transpositions of neighbours each cost 1 (`bukcet` is one step from `bucket`).
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars), b = Array(rhs.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, table[i - 2][j - 2] + 1)
                }
                table[i][j] = value
            }
        }
        return table[a.count][b.count]
    }
}
