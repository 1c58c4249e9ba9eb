/// The variable values one evaluation sees. Build one per resource and reuse it for every
/// program evaluated against that resource.
public struct Activation: Sendable {
    /// A map, so that the few variables of an activation are found the way fields are.
    let bindings: CELMap

    /// - Parameter bindings: variable name → value. Qualified names such as `a.b.c` are allowed.
    public init(_ bindings: [String: CELValue]) {
        self.bindings = CELMap(bindings)
    }

    /// Variables keyed by names hashed beforehand: for building one activation per resource
    /// without hashing the same variable names each time.
    public init(_ bindings: CELMap.Fields) {
        self.bindings = CELMap(bindings)
    }
}

/// A compiled expression, ready to evaluate many times (compile once, evaluate per resource).
///
/// Compilation resolves identifiers (including qualified names like `a.b.c`), functions and
/// overloads, pre-builds constant literals and macro scopes, so that evaluation walks a tree
/// of small nodes without looking anything up by name except variables and map fields.
public struct Program: Sendable {
    let root: Node
    /// Nodes in the plan: the cost of one pass over it, before macros iterate.
    let baseCost: Int
    /// Number of macro iteration-variable slots needed (the deepest macro nesting).
    let localCount: Int
    let limits: CELLimits

    /// Compiles a parsed expression.
    /// - Parameters:
    ///   - expression: the output of `Parser().parse(_:)`.
    ///   - environment: `variables` names the variables an expression may reference
    ///     (undeclared identifiers are evaluation errors, "no such attribute"); `library` the functions.
    /// - Throws: `CELDiagnostics` with code `undeclared-function` for a call of an unknown function.
    public init(_ expression: ParsedExpression, environment: CELEnvironment) throws(CELDiagnostics) {
        try self.init(root: expression.root, environment: environment)
    }

    /// Compiles a syntax tree (e.g. one built by hand in a test).
    /// - Parameters:
    ///   - root: the expression's syntax tree.
    ///   - environment: `variables` names the variables an expression may reference
    ///     (undeclared identifiers are evaluation errors, "no such attribute"); `library` the functions.
    /// - Throws: `CELDiagnostics` with code `undeclared-function` for a call of an unknown function.
    public init(root: Expr, environment: CELEnvironment) throws(CELDiagnostics) {
        var planner = Planner(environment: environment)
        let node = planner.plan(root)
        if !planner.diagnostics.isEmpty { throw CELDiagnostics(planner.diagnostics) }
        self.root = node
        self.baseCost = planner.nodeCount
        self.localCount = planner.maxDepth
        self.limits = environment.limits
    }

    /// Evaluates the program against one activation.
    /// - Returns: the value, or the evaluation error (with the position of the node that raised it).
    public func evaluate(_ activation: Activation) -> Result<CELValue, CELEvaluationError> {
        var context = EvalContext(
            bindings: activation.bindings,
            locals: Locals(count: localCount),
            cost: baseCost,
            limit: limits.maxEvaluationCost)
        if baseCost > context.limit { return .failure(context.costError()) }
        do {
            return .success(try root.eval(&context))
        } catch {
            return .failure(error)
        }
    }
}

/// The mutable state of one evaluation.
struct EvalContext {
    let bindings: CELMap
    /// Macro iteration variables, one slot per nesting depth.
    var locals: Locals
    var cost: Int
    let limit: Int

    func costError() -> CELEvaluationError {
        CELEvaluationError("evaluation cost exceeds the limit of \(limit)")
    }

    /// Adds to the running cost and fails once it passes the limit.
    @inline(__always)
    mutating func charge(_ amount: Int) throws(CELEvaluationError) {
        cost &+= amount
        if cost > limit { throw costError() }
    }
}

extension CELEvaluationError {
    /// The error with `position` filled in if it had none: the innermost node that knows
    /// its place reports the error.
    @inline(__always)
    func at(_ position: SourcePosition) -> CELEvaluationError {
        if self.position != nil { return self }
        var copy = self
        copy.position = position
        return copy
    }
}

/// Macro iteration variable slots. The first four live inline, so that an evaluation with
/// macros allocates no array (a malloc and free per evaluation showed in profiles); deeper
/// nesting spills into an array.
struct Locals {
    private var slot0: CELValue = .null
    private var slot1: CELValue = .null
    private var slot2: CELValue = .null
    private var slot3: CELValue = .null
    private var spilled: [CELValue]
    private static let inline = 4

    init(count: Int) {
        spilled = count > Self.inline ? Array(repeating: .null, count: count - Self.inline) : []
    }

    /// Read in place (`_read`), not copied out: a copy costs a retain and release per access.
    subscript(slot: Int) -> CELValue {
        _read {
            switch slot {
            case 0: yield slot0
            case 1: yield slot1
            case 2: yield slot2
            case 3: yield slot3
            default: yield spilled[slot - Self.inline]
            }
        }
        set {
            switch slot {
            case 0: slot0 = newValue
            case 1: slot1 = newValue
            case 2: slot2 = newValue
            case 3: slot3 = newValue
            default: spilled[slot - Self.inline] = newValue
            }
        }
    }
}
