import CEL
import Model

/// The resource fields an expression reads, from its syntax tree (named values already
/// expanded): `bucket.encryption.enabled` reads `encryption`. An expression that uses the
/// resource itself other than by selecting a field (`f(bucket)`, `bucket['name']`,
/// `{{ bucket }}`) reads every field. A macro variable of the same name shadows the resource.
enum FieldUse {
    static func fields(of root: Expr, resource variable: String) -> FieldSelection {
        var used = PathTree()
        var whole = false
        /// The field path of a select chain on the resource (`identity.aws.policies` →
        /// `["aws", "policies"]`), or nil when the chain starts elsewhere.
        func path(_ expr: Expr, shadowed: Bool) -> [String]? {
            switch expr.kind {
            case let .select(operand, field, _):
                return path(operand, shadowed: shadowed).map { $0 + [field] }
            case let .ident(name):
                return !shadowed && name == variable ? [] : nil
            default:
                return nil
            }
        }
        func walk(_ expr: Expr, shadowed: Bool) {
            switch expr.kind {
            case let .select(operand, _, _):
                if let fields = path(expr, shadowed: shadowed) {
                    used.insert(fields)
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
        return whole ? .all : used.selection
    }

    /// Field paths read, merged: a path that is read whole covers every longer one under it.
    private struct PathTree {
        var whole = false
        var children: [String: PathTree] = [:]

        mutating func insert(_ path: some Collection<String>) {
            guard !whole else { return }
            guard let first = path.first else {
                whole = true
                children = [:]
                return
            }
            children[first, default: PathTree()].insert(path.dropFirst())
        }

        var selection: FieldSelection {
            whole ? .all : FieldSelection(children.mapValues(\.selection))
        }
    }
}
