import CEL
import Model

/// The resource fields an expression reads, from its syntax tree (named values already
/// expanded): `bucket.encryption.enabled` reads `encryption`. An expression that uses the
/// resource itself other than by selecting a field (`f(bucket)`, `bucket['name']`,
/// `{{ bucket }}`) reads every field. A macro variable of the same name shadows the resource.
enum FieldUse {
    static func fields(of root: Expr, resource variable: String) -> FieldSelection {
        var names = Set<String>()
        var whole = false
        func walk(_ expr: Expr, shadowed: Bool) {
            switch expr.kind {
            case let .select(operand, field, _):
                if !shadowed, case let .ident(name) = operand.kind, name == variable {
                    names.insert(field)
                } else {
                    walk(operand, shadowed: shadowed)
                }
            case let .ident(name):
                if !shadowed, name == variable { whole = true }
            case .literal:
                break
            case let .call(_, target, args):
                if let target { walk(target, shadowed: shadowed) }
                for argument in args { walk(argument, shadowed: shadowed) }
            case let .list(items):
                for item in items { walk(item, shadowed: shadowed) }
            case let .map(entries):
                for entry in entries {
                    walk(entry.key, shadowed: shadowed)
                    walk(entry.value, shadowed: shadowed)
                }
            case let .comprehension(macro):
                walk(macro.range, shadowed: shadowed)
                let inner = shadowed || macro.variable == variable
                if let predicate = macro.predicate { walk(predicate, shadowed: inner) }
                if let transform = macro.transform { walk(transform, shadowed: inner) }
            }
        }
        walk(root, shadowed: false)
        return whole ? .all : FieldSelection(names)
    }
}
