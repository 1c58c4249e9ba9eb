/// Bounds that turn hostile or runaway expressions into clear errors instead of crashes.
public struct CELLimits: Sendable, Hashable {
    /// Longest accepted expression source, in Unicode scalars.
    public var maxExpressionLength: Int
    /// Deepest accepted nesting of the syntax tree (parentheses, operators, calls, literals).
    public var maxNestingDepth: Int
    /// Largest evaluation cost (roughly: nodes visited plus elements iterated) per evaluation.
    public var maxEvaluationCost: Int

    public init(maxExpressionLength: Int = 100_000, maxNestingDepth: Int = 100, maxEvaluationCost: Int = 10_000_000) {
        self.maxExpressionLength = maxExpressionLength
        self.maxNestingDepth = maxNestingDepth
        self.maxEvaluationCost = maxEvaluationCost
    }

    public static let `default` = CELLimits()
}

/// What an expression may reference: declared variables with their types, and functions.
public struct CELEnvironment: Sendable {
    public var variables: [String: CELType]
    public var library: FunctionLibrary
    public var limits: CELLimits

    public init(variables: [String: CELType] = [:], library: FunctionLibrary, limits: CELLimits = .default) {
        self.variables = variables
        self.library = library
        self.limits = limits
    }
}
