import CEL
import SourceText

/// Expands a policy's named values (`variables:`) where its expressions use them, as
/// `variables.paths`, before they are checked.
///
/// Inlining, not binding: each use evaluates the variable's expression where it stands, so a
/// variable costs nothing on resources where the expression never reaches it (the guards
/// before it short-circuit), exactly as if it were written out — which is what policies did
/// before `variables:` existed. The inlined nodes take the position of the use, so an error
/// inside a variable is reported where the variable is used.
struct VariableInliner {
    /// Each variable's tree, already expanded (a variable may use the ones before it).
    let variables: [String: Expr]
    /// Names a macro must not rebind around a use of a variable (the resource and `now`),
    /// since the inlined expression would then read the macro's variable instead.
    let reserved: Set<String>
    /// Variables whose own expression failed: a use of one fails too, but says nothing more (the
    /// variable's error already did).
    let failed: Set<String>
    private(set) var nextID: Int
    /// A failed variable was used: the expression cannot compile.
    private(set) var usesFailed = false
    private(set) var diagnostics: [CELDiagnostic] = []

    init(variables: [String: Expr], reserved: Set<String>, failed: Set<String> = [], firstID: Int) {
        self.variables = variables
        self.reserved = reserved
        self.failed = failed
        nextID = firstID
    }

    /// The tree with every `variables.NAME` replaced; problems go to `diagnostics`.
    mutating func inline(_ expr: Expr) -> Expr { rebuild(expr, at: nil, bound: []) }

    /// Copies `expr` with fresh ids (every node of one expression has its own), replacing uses
    /// of variables. `at` overrides positions inside an inlined variable; `bound` holds the
    /// macro variables in scope.
    private mutating func rebuild(_ expr: Expr, at position: SourcePosition?, bound: Set<String>) -> Expr {
        let place = position ?? expr.position
        switch expr.kind {
        case let .select(operand, field, testOnly):
            if case let .ident(name) = operand.kind, name == PolicyEnvironment.variablesVariable {
                return use(field, testOnly: testOnly, at: place, bound: bound, original: expr)
            }
            return node(place, .select(operand: rebuild(operand, at: position, bound: bound), field: field, testOnly: testOnly))
        case let .ident(name):
            if name == PolicyEnvironment.variablesVariable {
                diagnostics.append(CELDiagnostic(code: "variables", message: "use a named value as variables.NAME", position: expr.position))
            }
            return node(place, expr.kind)
        case .literal:
            return node(place, expr.kind)
        case let .call(function, target, args):
            return node(place, .call(function: function, target: target.map { rebuild($0, at: position, bound: bound) },
                                     args: args.map { rebuild($0, at: position, bound: bound) }))
        case let .list(items):
            return node(place, .list(items.map { rebuild($0, at: position, bound: bound) }))
        case let .map(entries):
            return node(place, .map(entries.map { entry in
                MapEntry(key: rebuild(entry.key, at: position, bound: bound), value: rebuild(entry.value, at: position, bound: bound),
                         position: position ?? entry.position)
            }))
        case let .comprehension(macro):
            let inner = bound.union([macro.variable])
            return node(place, .comprehension(Comprehension(
                kind: macro.kind, range: rebuild(macro.range, at: position, bound: bound), variable: macro.variable,
                predicate: macro.predicate.map { rebuild($0, at: position, bound: inner) },
                transform: macro.transform.map { rebuild($0, at: position, bound: inner) })))
        }
    }

    private mutating func use(_ name: String, testOnly: Bool, at place: SourcePosition, bound: Set<String>, original: Expr) -> Expr {
        if failed.contains(name) {
            usesFailed = true
            return node(place, original.kind)
        }
        guard let value = variables[name] else {
            let known = variables.keys.sorted()
            let hint = Suggestion.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
            let list = known.isEmpty ? "the policy defines none" : "defined: \(known.joined(separator: ", "))"
            diagnostics.append(CELDiagnostic(code: "undefined-variable", message: "undefined named value 'variables.\(name)' (\(list))\(hint)", position: original.position))
            return node(place, original.kind)
        }
        if testOnly {
            diagnostics.append(CELDiagnostic(code: "variables", message: "has() cannot test a named value; it is always defined", position: original.position))
        }
        if let shadowed = bound.intersection(reserved).sorted().first {
            diagnostics.append(CELDiagnostic(
                code: "variables", message: "variables.\(name) is used inside a macro that rebinds '\(shadowed)'; rename the macro's variable",
                position: original.position))
        }
        return rebuild(value, at: place, bound: [])
    }

    private mutating func node(_ position: SourcePosition, _ kind: ExprKind) -> Expr {
        nextID += 1
        return Expr(id: nextID, position: position, kind: kind)
    }
}
