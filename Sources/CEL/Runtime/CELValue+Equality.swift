import Foundation

/// CEL's heterogeneous equality: `==` never fails. Numbers compare by value across
/// int, uint and double (`1 == 1.0`, `1 == 1u`); values of different kinds are unequal;
/// lists compare elementwise, maps keywise regardless of order; NaN equals nothing.
extension CELValue: Equatable {
    public static func == (lhs: CELValue, rhs: CELValue) -> Bool {
        // Switch on one side at a time: a tuple switch would copy (retain) both operands.
        switch lhs {
        case .null: if case .null = rhs { return true }
        case let .bool(a): if case let .bool(b) = rhs { return a == b }
        case let .string(a): if case let .string(b) = rhs { return stringsEqual(a, b) }
        case let .bytes(a): if case let .bytes(b) = rhs { return a == b }
        case let .list(a): if case let .list(b) = rhs { return a.count == b.count && zip(a, b).allSatisfy { $0 == $1 } }
        case let .map(a): if case let .map(b) = rhs { return mapsEqual(a, b) }
        case let .timestamp(a): if case let .timestamp(b) = rhs { return a == b }
        case let .duration(a): if case let .duration(b) = rhs { return a == b }
        case let .type(a): if case let .type(b) = rhs { return a == b }
        case let .int(a):
            if case let .int(b) = rhs { return a == b }
            return compareNumbers(lhs, rhs) == 0
        case .uint, .double: return compareNumbers(lhs, rhs) == 0
        }
        return false
    }

    /// CEL compares strings by code point; Swift's `==` uses canonical equivalence
    /// (`"é" == "e\u{301}"`), so compare the UTF-8 bytes instead.
    static func stringsEqual(_ a: String, _ b: String) -> Bool {
        // Swift's `==` is fast (bit-identical small strings, memcmp of ASCII) and never
        // calls code-point-different strings unequal only by normalisation in the
        // false direction, so it settles every unequal pair; equal pairs confirm bytes.
        guard a == b else { return false }
        var left = a
        var right = b
        return left.withUTF8 { x in
            right.withUTF8 { y in
                guard x.count == y.count, let p = x.baseAddress, let q = y.baseAddress else { return x.count == y.count }
                return memcmp(p, q, x.count) == 0
            }
        }
    }

    private static func mapsEqual(_ a: CELMap, _ b: CELMap) -> Bool {
        guard a.count == b.count else { return false }
        for (key, value) in a.entries {
            guard let other = b[key], other == value else { return false }
        }
        return true
    }
}

extension CELValue {
    /// Orders two numbers of any numeric kinds (int/uint exactly; against double in double precision):
    /// -1, 0 or 1, or nil when either is NaN or either is not a number.
    static func compareNumbers(_ lhs: CELValue, _ rhs: CELValue) -> Int? {
        switch (lhs, rhs) {
        case let (.int(a), .int(b)): return order(a, b)
        case let (.uint(a), .uint(b)): return order(a, b)
        case let (.double(a), .double(b)): return a.isNaN || b.isNaN ? nil : order(a, b)
        case let (.int(a), .uint(b)): return a < 0 ? -1 : order(UInt64(a), b)
        case let (.uint(a), .int(b)): return b < 0 ? 1 : order(a, UInt64(b))
        case let (.int(a), .double(b)): return compare(int: a, double: b)
        case let (.double(a), .int(b)): return compare(int: b, double: a).map { -$0 }
        case let (.uint(a), .double(b)): return compare(uint: a, double: b)
        case let (.double(a), .uint(b)): return compare(uint: b, double: a).map { -$0 }
        default: return nil
        }
    }

    @inline(__always)
    static func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }

    /// Int against double compares in double precision, as cel-go does (the conformance
    /// suite expects `9223372036854775807 < 9223372036854775808.0` to be false).
    private static func compare(int a: Int64, double b: Double) -> Int? {
        b.isNaN ? nil : order(Double(a), b)
    }

    private static func compare(uint a: UInt64, double b: Double) -> Int? {
        b.isNaN ? nil : order(Double(a), b)
    }

    /// Orders two values for `<`, `<=`, `>`, `>=`: numbers across kinds, and string, bytes,
    /// bool, timestamp and duration within their kind. Nil when CEL defines no ordering
    /// (the caller reports "no matching overload"); `unordered` is true for NaN operands.
    static func compareForOrdering(_ lhs: CELValue, _ rhs: CELValue) -> ComparisonOutcome {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return .ordered(compareStrings(a, b))
        case let (.bool(a), .bool(b)): return .ordered(a == b ? 0 : (a ? 1 : -1))
        case let (.bytes(a), .bytes(b)): return .ordered(a.lexicographicallyPrecedes(b) ? -1 : (a == b ? 0 : 1))
        case let (.timestamp(a), .timestamp(b)): return .ordered(order(a, b))
        case let (.duration(a), .duration(b)): return .ordered(order(a, b))
        case (.int, .int), (.int, .uint), (.int, .double), (.uint, .int), (.uint, .uint), (.uint, .double),
            (.double, .int), (.double, .uint), (.double, .double):
            return compareNumbers(lhs, rhs).map(ComparisonOutcome.ordered) ?? .unordered
        default: return .incomparable
        }
    }

    /// Strings order by code point (what cel-go and cel-cpp do), which equals UTF-8 byte order.
    private static func compareStrings(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    enum ComparisonOutcome {
        case ordered(Int)
        /// A NaN operand: every ordering comparison is false.
        case unordered
        /// No ordering is defined between these kinds.
        case incomparable
    }
}
