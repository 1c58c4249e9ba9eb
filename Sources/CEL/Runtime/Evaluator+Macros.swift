/// A macro (`all`, `exists`, `exists_one`, `map`, `filter`) over a list's elements or a map's keys.
/// The iteration variable lives in `context.locals[slot]`; its slot is its nesting depth,
/// so an inner macro reusing the name shadows the outer one without any save/restore.
final class ComprehensionNode: Node, @unchecked Sendable {
    let kind: MacroKind
    let range: Node
    let slot: Int
    let predicate: Node?
    let transform: Node?
    /// Nodes in the predicate and transform: the cost charged per iteration.
    let iterationCost: Int

    init(kind: MacroKind, range: Node, slot: Int, predicate: Node?, transform: Node?, iterationCost: Int,
         position: SourcePosition) {
        self.kind = kind
        self.range = range
        self.slot = slot
        self.predicate = predicate
        self.transform = transform
        self.iterationCost = iterationCost
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        let items: [CELValue]
        switch try range.eval(&context) {
        case let .list(elements): items = elements
        case let .map(map): items = map.keys
        case let other:
            throw CELEvaluationError("expression of type '\(other.typeName)' cannot be the range of a comprehension",
                                     position: position)
        }
        switch kind {
        case .all: return try quantify(items, &context, decisive: false)
        case .exists: return try quantify(items, &context, decisive: true)
        case .existsOne: return try existsOne(items, &context)
        case .map, .filter: return try collect(items, &context)
        }
    }

    @inline(__always)
    private func step(_ item: CELValue, _ context: inout EvalContext) throws(CELEvaluationError) {
        do {
            try context.charge(iterationCost)
        } catch {
            throw error.at(position)
        }
        context.locals[slot] = item
    }

    /// `all` (decisive value false) and `exists` (decisive value true): the first decisive
    /// predicate result wins and absorbs errors seen on other elements; otherwise the
    /// first error, if any, is the result.
    private func quantify(_ items: [CELValue], _ context: inout EvalContext, decisive: Bool)
        throws(CELEvaluationError) -> CELValue
    {
        guard let predicate else { return .bool(!decisive) }
        var pending: CELEvaluationError?
        for index in items.indices {
            try step(items[index], &context)
            do {
                switch try predicate.eval(&context) {
                case let .bool(flag) where flag == decisive: return .bool(decisive)
                case .bool: continue
                case let other: pending = pending ?? predicateError(other)
                }
            } catch {
                if context.cost > context.limit { throw error }
                pending = pending ?? error
            }
        }
        if let pending { throw pending }
        return .bool(!decisive)
    }

    private func existsOne(_ items: [CELValue], _ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        guard let predicate else { return .bool(false) }
        var count = 0
        for item in items {
            try step(item, &context)
            switch try predicate.eval(&context) {
            case .bool(true): count += 1
            case .bool(false): continue
            case let other: throw predicateError(other)
            }
        }
        return .bool(count == 1)
    }

    /// `map` (with optional filter) and `filter`.
    private func collect(_ items: [CELValue], _ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        var results: [CELValue] = []
        results.reserveCapacity(items.count)
        for item in items {
            try step(item, &context)
            if let predicate {
                switch try predicate.eval(&context) {
                case .bool(true): break
                case .bool(false): continue
                case let other: throw predicateError(other)
                }
            }
            if let transform {
                results.append(try transform.eval(&context))
            } else {
                results.append(item)
            }
        }
        return .list(results)
    }

    private func predicateError(_ value: CELValue) -> CELEvaluationError {
        CELEvaluationError("no matching overload: macro predicate of type '\(value.typeName)' is not a bool",
                           position: position)
    }
}
