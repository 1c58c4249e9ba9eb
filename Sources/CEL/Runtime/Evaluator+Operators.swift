/// `a && b` and `a || b`: commutative, with error absorption. The `decisive` value settles the
/// result whichever side yields it (`false` for `&&`, `true` for `||`), so `false && error` and
/// `error && false` are false, `true || error` and `error || true` are true.
final class LogicalNode: Node, @unchecked Sendable {
    let lhs: Node
    let rhs: Node
    let decisive: Bool
    let name: String

    init(lhs: Node, rhs: Node, decisive: Bool, position: SourcePosition) {
        self.lhs = lhs
        self.rhs = rhs
        self.decisive = decisive
        name = decisive ? Operator.logicalOr : Operator.logicalAnd
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        var pending: CELEvaluationError?
        do {
            switch try lhs.eval(&context) {
            case let .bool(value) where value == decisive: return .bool(decisive)
            case .bool: break
            case let other: pending = logicalOperandError(name, other, position)
            }
        } catch { pending = error }
        switch try evalAbsorbing(rhs, &context, pending) {
        case let .bool(value) where value == decisive: return .bool(decisive)
        case .bool:
            if let pending { throw pending }
            return .bool(!decisive)
        case let other: throw pending ?? logicalOperandError(name, other, position)
        }
    }
}

/// Evaluates the right operand of `&&`/`||`; if it fails, the left operand's error (if any)
/// wins, so errors report the leftmost cause.
@inline(__always)
private func evalAbsorbing(
    _ node: Node, _ context: inout EvalContext, _ pending: CELEvaluationError?
) throws(CELEvaluationError) -> CELValue {
    do {
        return try node.eval(&context)
    } catch {
        // A cost overrun is never absorbed.
        if context.cost > context.limit { throw error }
        throw pending ?? error
    }
}

private func logicalOperandError(_ function: String, _ value: CELValue, _ position: SourcePosition) -> CELEvaluationError {
    CELOperators.noMatchingOverload(function, [value]).at(position)
}

/// `c ? a : b`: evaluates only the chosen branch.
final class ConditionalNode: Node, @unchecked Sendable {
    let condition: Node
    let whenTrue: Node
    let whenFalse: Node

    init(condition: Node, whenTrue: Node, whenFalse: Node, position: SourcePosition) {
        self.condition = condition
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        switch try condition.eval(&context) {
        case .bool(true): return try whenTrue.eval(&context)
        case .bool(false): return try whenFalse.eval(&context)
        case let other: throw CELOperators.noMatchingOverload(Operator.conditional, [other]).at(position)
        }
    }
}

final class NotNode: Node, @unchecked Sendable {
    let operand: Node

    init(operand: Node, position: SourcePosition) {
        self.operand = operand
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        let value = try operand.eval(&context)
        guard case let .bool(flag) = value else {
            throw CELOperators.noMatchingOverload(Operator.logicalNot, [value]).at(position)
        }
        return .bool(!flag)
    }
}

/// `==` / `!=`: CEL's heterogeneous equality never fails.
final class EqualsNode: Node, @unchecked Sendable {
    let lhs: Node
    let rhs: Node
    let negated: Bool

    init(lhs: Node, rhs: Node, negated: Bool, position: SourcePosition) {
        self.lhs = lhs
        self.rhs = rhs
        self.negated = negated
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        let left = try lhs.eval(&context)
        let right = try rhs.eval(&context)
        return .bool((left == right) != negated)
    }
}

/// Overloads tried when a fast path does not apply, with their parameter kinds precomputed.
///
/// Kinds and implementations live in flat arrays of their own: dispatch then reads plain
/// integers, where iterating `(FunctionOverload, [UInt16])` tuples copied (retained and
/// released) every candidate's strings, arrays and closure on every call.
struct OverloadSet: Sendable {
    typealias Implementation = @Sendable ([CELValue]) throws(CELEvaluationError) -> CELValue

    let function: String
    /// Each candidate's parameter kinds, one after another.
    let kinds: [UInt16]
    /// Each candidate's parameter count (its share of `kinds`).
    let arities: [Int]
    let implementations: [Implementation]

    init(function: String, overloads: [FunctionOverload]) {
        self.function = function
        kinds = overloads.flatMap { $0.parameters.map(\.acceptedKinds) }
        arities = overloads.map(\.parameters.count)
        implementations = overloads.map(\.implementation)
    }

    /// Calls the first overload whose parameter kinds accept the arguments.
    func call(_ arguments: [CELValue], at position: SourcePosition) throws(CELEvaluationError) -> CELValue {
        var offset = 0
        for candidate in arities.indices {
            let arity = arities[candidate]
            defer { offset += arity }
            guard arity == arguments.count, accepts(arguments, kindsFrom: offset) else { continue }
            do {
                return try implementations[candidate](arguments)
            } catch {
                throw error.at(position)
            }
        }
        throw CELOperators.noMatchingOverload(function, arguments).at(position)
    }

    @inline(__always)
    private func accepts(_ arguments: [CELValue], kindsFrom offset: Int) -> Bool {
        for index in arguments.indices where arguments[index].kindBit & kinds[offset + index] == 0 {
            return false
        }
        return true
    }
}

typealias UnaryFunction = @Sendable (CELValue) throws(CELEvaluationError) -> CELValue?
typealias BinaryFunction = @Sendable (CELValue, CELValue) throws(CELEvaluationError) -> CELValue?

/// A one-argument standard function or operator with a direct implementation; the library's
/// overloads are the fallback for operand kinds the fast path does not handle.
final class UnaryCallNode: Node, @unchecked Sendable {
    let operand: Node
    let function: UnaryFunction
    let fallback: OverloadSet

    init(operand: Node, function: @escaping UnaryFunction, fallback: OverloadSet, position: SourcePosition) {
        self.operand = operand
        self.function = function
        self.fallback = fallback
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        let value = try operand.eval(&context)
        do {
            if let result = try function(value) { return result }
        } catch {
            throw error.at(position)
        }
        return try fallback.call([value], at: position)
    }
}

/// A two-argument standard function or operator with a direct implementation (see `UnaryCallNode`).
final class BinaryCallNode: Node, @unchecked Sendable {
    let lhs: Node
    let rhs: Node
    let function: BinaryFunction
    let fallback: OverloadSet
    /// Concatenation charges the result size to the cost budget.
    let chargesSize: Bool

    init(lhs: Node, rhs: Node, function: @escaping BinaryFunction, fallback: OverloadSet, chargesSize: Bool,
         position: SourcePosition) {
        self.lhs = lhs
        self.rhs = rhs
        self.function = function
        self.fallback = fallback
        self.chargesSize = chargesSize
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        let left = try lhs.eval(&context)
        let right = try rhs.eval(&context)
        let result: CELValue?
        do {
            result = try function(left, right)
        } catch {
            throw error.at(position)
        }
        guard let result else { return try fallback.call([left, right], at: position) }
        if chargesSize { try chargeSize(of: result, &context) }
        return result
    }

    private func chargeSize(of value: CELValue, _ context: inout EvalContext) throws(CELEvaluationError) {
        do {
            switch value {
            case let .string(text): try context.charge(text.utf8.count / 16)
            case let .bytes(bytes): try context.charge(bytes.count / 16)
            case let .list(elements): try context.charge(elements.count)
            default: break
            }
        } catch {
            throw error.at(position)
        }
    }
}

/// Any other call: arguments evaluated left to right (an error stops evaluation), then
/// dispatch on their runtime kinds.
final class CallNode: Node, @unchecked Sendable {
    let arguments: [Node]
    let overloads: OverloadSet

    init(arguments: [Node], overloads: OverloadSet, position: SourcePosition) {
        self.arguments = arguments
        self.overloads = overloads
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        var values: [CELValue] = []
        values.reserveCapacity(arguments.count)
        for argument in arguments { values.append(try argument.eval(&context)) }
        return try overloads.call(values, at: position)
    }
}

/// `text.matches('literal')`: the pattern is compiled once, at plan time.
final class MatchesLiteralNode: Node, @unchecked Sendable {
    let text: Node
    let pattern: Result<NSRegularExpressionBox, CELEvaluationError>

    init(text: Node, pattern: Result<NSRegularExpressionBox, CELEvaluationError>, position: SourcePosition) {
        self.text = text
        self.pattern = pattern
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        let value = try text.eval(&context)
        guard case let .string(string) = value else {
            throw CELOperators.noMatchingOverload("matches", [value]).at(position)
        }
        switch pattern {
        case let .success(box): return .bool(box.matches(string))
        case let .failure(error): throw error.at(position)
        }
    }
}
