/// The macros `all`, `exists`, `exists_one`, `filter` and `map`.
extension CheckingPass {
    func checkComprehension(_ expr: Expr, _ comprehension: Comprehension) -> CELType {
        let rangeType = visit(comprehension.range)
        let variableType = iterationType(of: rangeType, range: comprehension.range, macro: comprehension.kind)
        // The variable is visible only inside the macro's own arguments.
        scopes.append((comprehension.variable, variableType))
        defer { scopes.removeLast() }
        if let predicate = comprehension.predicate {
            let type = visit(predicate)
            if !type.canBeBool {
                let role = comprehension.kind == .map ? "filter" : "predicate"
                report(
                    CheckCode.typeMismatch,
                    "\(role) of '\(comprehension.kind.rawValue)' must be bool, found '\(type)'",
                    at: predicate.position
                )
            }
        }
        let transformType = comprehension.transform.map { visit($0) }
        switch comprehension.kind {
        case .all, .exists, .existsOne: return .bool
        case .filter: return .list(variableType)
        case .map: return .list(transformType ?? .dyn)
        }
    }

    /// The type of the macro variable: a list's elements or a map's keys.
    private func iterationType(of rangeType: CELType, range: Expr, macro: MacroKind) -> CELType {
        switch rangeType {
        case let .list(element): return element
        case let .map(key, _): return key
        // An object is a map with string keys at run time.
        case .object: return .string
        case .dyn, .typeParam: return .dyn
        default:
            report(
                CheckCode.typeMismatch,
                "'\(macro.rawValue)' needs a list or a map, found '\(rangeType)'",
                at: range.position
            )
            return .dyn
        }
    }
}
