/// The abstract syntax tree of a CEL expression.
///
/// Every node keeps the position of the token that produced it (the operator for a binary
/// expression, the `.` for a selection, the function name for a call, the opening bracket
/// for list and map literals) so that the checker and the runtime can point at it.
/// Operators are represented as calls with cel-go's operator names (see `Operator`).
public final class Expr: Sendable, CustomStringConvertible {
    /// Unique within one parsed expression; 1-based, assigned in parse order.
    public let id: Int
    public let position: SourcePosition
    public let kind: ExprKind

    public init(id: Int, position: SourcePosition, kind: ExprKind) {
        self.id = id
        self.position = position
        self.kind = kind
    }

    public var description: String { "\(kind)" }
}

public enum ExprKind: Sendable {
    case literal(Literal)
    /// A (possibly leading-dot) identifier, e.g. `bucket`, `.x`.
    case ident(String)
    /// `operand.field`; with `testOnly` it is the expansion of `has(operand.field)`.
    case select(operand: Expr, field: String, testOnly: Bool)
    /// A global call `f(args)` when `target` is nil, a member call `target.f(args)` otherwise.
    /// Operators use the names in `Operator`, e.g. `_+_`, `_&&_`, `_?_:_`, `_[_]`, `!_`, `-_`, `@in`.
    case call(function: String, target: Expr?, args: [Expr])
    case list([Expr])
    case map([MapEntry])
    /// The macros `all`, `exists`, `exists_one`, `map`, `filter` on a range.
    case comprehension(Comprehension)
}

public enum Literal: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
}

public struct MapEntry: Sendable {
    public let key: Expr
    public let value: Expr
    public let position: SourcePosition

    public init(key: Expr, value: Expr, position: SourcePosition) {
        self.key = key
        self.value = value
        self.position = position
    }
}

public enum MacroKind: String, Sendable, Hashable, CaseIterable {
    case all, exists
    case existsOne = "exists_one"
    case map, filter
}

/// A macro over a list (its elements) or a map (its keys).
///
/// `range.all(v, predicate)`, `range.exists(v, predicate)`, `range.exists_one(v, predicate)`,
/// `range.filter(v, predicate)`, `range.map(v, transform)` and
/// `range.map(v, predicate, transform)` (predicate is the filter).
public struct Comprehension: Sendable {
    public let kind: MacroKind
    public let range: Expr
    public let variable: String
    public let predicate: Expr?
    public let transform: Expr?

    public init(kind: MacroKind, range: Expr, variable: String, predicate: Expr?, transform: Expr?) {
        self.kind = kind
        self.range = range
        self.variable = variable
        self.predicate = predicate
        self.transform = transform
    }
}

/// Function names the parser gives operators (the same names cel-go uses).
public enum Operator {
    public static let conditional = "_?_:_"
    public static let logicalAnd = "_&&_"
    public static let logicalOr = "_||_"
    public static let logicalNot = "!_"
    public static let negate = "-_"
    public static let equals = "_==_"
    public static let notEquals = "_!=_"
    public static let less = "_<_"
    public static let lessEquals = "_<=_"
    public static let greater = "_>_"
    public static let greaterEquals = "_>=_"
    public static let add = "_+_"
    public static let subtract = "_-_"
    public static let multiply = "_*_"
    public static let divide = "_/_"
    public static let modulo = "_%_"
    public static let index = "_[_]"
    public static let `in` = "@in"
}
