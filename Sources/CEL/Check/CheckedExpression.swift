/// What an identifier, selection or call in a checked expression refers to.
public enum Reference: Sendable, Hashable {
    /// A declared variable (possibly with a qualified name such as `a.b.c`) or a macro variable.
    case variable(String)
    /// A library function and the overloads that fit the argument types at check time.
    case function(name: String, overloadIDs: [String])
}

/// A parsed expression that passed the checker, with the static type of every node.
public struct CheckedExpression: Sendable {
    public let expression: ParsedExpression
    /// The static type of the whole expression (`dyn` when not known before evaluation).
    public let resultType: CELType
    /// The static type of each node, keyed by `Expr.id`.
    public let types: [Int: CELType]
    /// How identifiers, qualified selections and calls were resolved, keyed by `Expr.id`.
    /// A selection that resolved to a qualified variable (`a.b.c`) has an entry; its
    /// operands, which are part of the name rather than values, do not.
    public let references: [Int: Reference]

    init(expression: ParsedExpression, resultType: CELType, types: [Int: CELType], references: [Int: Reference]) {
        self.expression = expression
        self.resultType = resultType
        self.types = types
        self.references = references
    }
}
