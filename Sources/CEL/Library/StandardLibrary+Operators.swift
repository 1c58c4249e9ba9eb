/// The semantics of CEL's operators on the standard types, shared by the library overloads
/// (`FunctionLibrary.standard`) and the evaluator's fast paths so the two cannot disagree.
///
/// Each function returns nil when no standard overload applies to the operand kinds (the
/// caller reports "no matching overload" or tries extra overloads), and throws for errors
/// inside a matching overload (overflow, division by zero, out of range).
enum CELOperators {
    static func overflow() -> CELEvaluationError { CELEvaluationError("return error for overflow") }

    static func add(_ lhs: CELValue, _ rhs: CELValue) throws(CELEvaluationError) -> CELValue? {
        switch (lhs, rhs) {
        case let (.int(a), .int(b)):
            let (sum, overflow) = a.addingReportingOverflow(b)
            if overflow { throw Self.overflow() }
            return .int(sum)
        case let (.uint(a), .uint(b)):
            let (sum, overflow) = a.addingReportingOverflow(b)
            if overflow { throw Self.overflow() }
            return .uint(sum)
        case let (.double(a), .double(b)): return .double(a + b)
        case let (.string(a), .string(b)): return .string(a + b)
        case let (.bytes(a), .bytes(b)): return .bytes(a + b)
        case let (.list(a), .list(b)): return .list(a + b)
        case let (.timestamp(t), .duration(d)), let (.duration(d), .timestamp(t)):
            return .timestamp(try CELTimestamp.checked(
                seconds: try addSeconds(t.seconds, d.seconds), nanos: Int64(t.nanos) + Int64(d.nanos)))
        case let (.duration(a), .duration(b)):
            return .duration(try CELDuration.checked(
                seconds: try addSeconds(a.seconds, b.seconds), nanos: Int64(a.nanos) + Int64(b.nanos)))
        default: return nil
        }
    }

    static func subtract(_ lhs: CELValue, _ rhs: CELValue) throws(CELEvaluationError) -> CELValue? {
        switch (lhs, rhs) {
        case let (.int(a), .int(b)):
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            if overflow { throw Self.overflow() }
            return .int(difference)
        case let (.uint(a), .uint(b)):
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            if overflow { throw Self.overflow() }
            return .uint(difference)
        case let (.double(a), .double(b)): return .double(a - b)
        case let (.timestamp(t), .duration(d)):
            return .timestamp(try CELTimestamp.checked(
                seconds: try addSeconds(t.seconds, -d.seconds), nanos: Int64(t.nanos) - Int64(d.nanos)))
        case let (.timestamp(a), .timestamp(b)):
            // cel-go computes this as a Go time.Duration (int64 nanoseconds, about ±292 years)
            // and the conformance suite expects its overflow error, so apply that bound here.
            let seconds = a.seconds - b.seconds
            guard abs(seconds) < 9_223_372_036 else {
                throw CELEvaluationError("range error: timestamp difference out of range")
            }
            return .duration(try CELDuration.checked(seconds: seconds, nanos: Int64(a.nanos) - Int64(b.nanos)))
        case let (.duration(a), .duration(b)):
            return .duration(try CELDuration.checked(
                seconds: try addSeconds(a.seconds, -b.seconds), nanos: Int64(a.nanos) - Int64(b.nanos)))
        default: return nil
        }
    }

    private static func addSeconds(_ a: Int64, _ b: Int64) throws(CELEvaluationError) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow { throw CELEvaluationError("range error: time arithmetic out of range") }
        return sum
    }

    static func multiply(_ lhs: CELValue, _ rhs: CELValue) throws(CELEvaluationError) -> CELValue? {
        switch (lhs, rhs) {
        case let (.int(a), .int(b)):
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            if overflow { throw Self.overflow() }
            return .int(product)
        case let (.uint(a), .uint(b)):
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            if overflow { throw Self.overflow() }
            return .uint(product)
        case let (.double(a), .double(b)): return .double(a * b)
        default: return nil
        }
    }

    static func divide(_ lhs: CELValue, _ rhs: CELValue) throws(CELEvaluationError) -> CELValue? {
        switch (lhs, rhs) {
        case let (.int(a), .int(b)):
            if b == 0 { throw CELEvaluationError("division by zero") }
            let (quotient, overflow) = a.dividedReportingOverflow(by: b)
            if overflow { throw Self.overflow() }
            return .int(quotient)
        case let (.uint(a), .uint(b)):
            if b == 0 { throw CELEvaluationError("division by zero") }
            return .uint(a / b)
        case let (.double(a), .double(b)): return .double(a / b)
        default: return nil
        }
    }

    static func modulo(_ lhs: CELValue, _ rhs: CELValue) throws(CELEvaluationError) -> CELValue? {
        switch (lhs, rhs) {
        case let (.int(a), .int(b)):
            if b == 0 { throw CELEvaluationError("modulus by zero") }
            let (remainder, overflow) = a.remainderReportingOverflow(dividingBy: b)
            if overflow { throw Self.overflow() }
            return .int(remainder)
        case let (.uint(a), .uint(b)):
            if b == 0 { throw CELEvaluationError("modulus by zero") }
            return .uint(a % b)
        default: return nil
        }
    }

    static func negate(_ operand: CELValue) throws(CELEvaluationError) -> CELValue? {
        switch operand {
        case let .int(a):
            if a == .min { throw Self.overflow() }
            return .int(-a)
        case let .double(a): return .double(-a)
        default: return nil
        }
    }

    static func not(_ operand: CELValue) -> CELValue? {
        if case let .bool(flag) = operand { return .bool(!flag) }
        return nil
    }

    /// `<`, `<=`, `>`, `>=`: `accept` says which orderings (-1, 0, 1) make the result true.
    @inline(__always)
    static func compare(_ lhs: CELValue, _ rhs: CELValue, accept: (Int) -> Bool) -> CELValue? {
        switch CELValue.compareForOrdering(lhs, rhs) {
        case let .ordered(order): return .bool(accept(order))
        case .unordered: return .bool(false)
        case .incomparable: return nil
        }
    }

    static func less(_ l: CELValue, _ r: CELValue) -> CELValue? { compare(l, r) { $0 < 0 } }
    static func lessEquals(_ l: CELValue, _ r: CELValue) -> CELValue? { compare(l, r) { $0 <= 0 } }
    static func greater(_ l: CELValue, _ r: CELValue) -> CELValue? { compare(l, r) { $0 > 0 } }
    static func greaterEquals(_ l: CELValue, _ r: CELValue) -> CELValue? { compare(l, r) { $0 >= 0 } }

    /// `element in container`: list membership by CEL equality, map membership by key.
    static func contains(_ element: CELValue, _ container: CELValue) -> CELValue? {
        switch container {
        case let .list(elements): return .bool(elements.contains(element))
        case let .map(map): return .bool(map.contains(element))
        default: return nil
        }
    }

    /// `container[index]`: lists by integral number, maps by key.
    static func index(_ container: CELValue, _ index: CELValue) throws(CELEvaluationError) -> CELValue? {
        switch container {
        case let .list(elements):
            guard let position = listIndex(index) else {
                if case .double = index { throw CELEvaluationError("unsupported index value: \(index)") }
                return nil
            }
            guard position >= 0, position < elements.count else {
                throw CELEvaluationError("index out of bounds: \(position)")
            }
            return elements[position]
        case let .map(map):
            guard let value = map[index] else { throw noSuchKey(index) }
            return value
        default: return nil
        }
    }

    private static func listIndex(_ index: CELValue) -> Int? {
        switch index {
        case let .int(value): return Int(exactly: value)
        case let .uint(value): return Int(exactly: value)
        case let .double(value): return value.rounded(.towardZero) == value ? Int(exactly: value) : nil
        default: return nil
        }
    }

    static func noSuchKey(_ key: CELValue) -> CELEvaluationError {
        if case let .string(field) = key { return CELEvaluationError("no such key: '\(field)'") }
        return CELEvaluationError("no such key: \(key)")
    }

    static func noMatchingOverload(_ function: String, _ arguments: [CELValue]) -> CELEvaluationError {
        let kinds = arguments.map(\.typeName).joined(separator: ", ")
        return CELEvaluationError("no matching overload for '\(function)' applied to '(\(kinds))'")
    }
}
