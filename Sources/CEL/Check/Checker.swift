/// Type-checks parsed CEL expressions against an environment, before any data is seen.
///
/// Finds references to undeclared variables and functions, fields an object type does
/// not have, calls with the wrong number or types of arguments, and literal arguments a
/// function rejects (such as an unsupported regular expression). Every problem carries
/// the line and column inside the expression; all of them are reported at once.
///
/// Types the checker cannot know (`dyn`, e.g. a map's values declared as `dyn`) are
/// accepted wherever a value is expected; the runtime checks those when it evaluates.
public struct Checker: Sendable {
    public let environment: CELEnvironment

    /// - Parameter environment: the variables (with their types) and functions expressions may use.
    public init(environment: CELEnvironment) {
        self.environment = environment
    }

    /// Checks one parsed expression.
    ///
    /// - Parameter expression: the output of the parser.
    /// - Returns: the expression with the type of every node and how each name resolved.
    /// - Throws: `CELDiagnostics` with every problem found, sorted by position, each with a
    ///   `code` (`undeclared-reference`, `undefined-field`, `undeclared-function`,
    ///   `wrong-arity`, `no-matching-overload`, `invalid-argument`, `type-mismatch`).
    public func check(_ expression: ParsedExpression) throws(CELDiagnostics) -> CheckedExpression {
        let pass = CheckingPass(environment: environment)
        let resultType = pass.visit(expression.root)
        let diagnostics = pass.sortedDiagnostics()
        if !diagnostics.isEmpty { throw CELDiagnostics(diagnostics) }
        return CheckedExpression(
            expression: expression,
            resultType: resultType,
            types: pass.types,
            references: pass.references
        )
    }
}

/// Stable diagnostic codes of the checker.
enum CheckCode {
    static let undeclaredReference = "undeclared-reference"
    static let undefinedField = "undefined-field"
    static let undeclaredFunction = "undeclared-function"
    static let wrongArity = "wrong-arity"
    static let noMatchingOverload = "no-matching-overload"
    static let invalidArgument = "invalid-argument"
    /// A value of the wrong type where the language itself (not a function) needs one:
    /// a non-bool condition or predicate, a range that is not a collection, a bad map key.
    static let typeMismatch = "type-mismatch"
}

/// The state of checking one expression: a class because every visit records into it.
final class CheckingPass {
    let environment: CELEnvironment
    var types: [Int: CELType] = [:]
    var references: [Int: Reference] = [:]
    private var diagnostics: [CELDiagnostic] = []
    /// Macro variables, innermost last; they shadow declared variables.
    var scopes: [(name: String, type: CELType)] = []
    /// For the root identifier of a dotted chain that did not resolve: the whole chain,
    /// so the error can name `a.b.c` when variables with that prefix exist.
    var chainNames: [Int: String] = [:]

    /// Identifiers that denote types (`type(x) == int`), unless a variable has the name.
    static let typeNames: Set<String> = [
        "bool", "int", "uint", "double", "string", "bytes", "list", "map", "null_type", "type", "dyn",
    ]

    init(environment: CELEnvironment) {
        self.environment = environment
    }

    func report(_ code: String, _ message: String, at position: SourcePosition) {
        diagnostics.append(CELDiagnostic(code: code, message: message, position: position))
    }

    func sortedDiagnostics() -> [CELDiagnostic] {
        var seen = Set<CELDiagnostic>()
        let unique = diagnostics.filter { seen.insert($0).inserted }
        // Stable: two problems at one place keep the order they were found in.
        return unique.enumerated().sorted { lhs, rhs in
            lhs.element.position.offset != rhs.element.position.offset
                ? lhs.element.position.offset < rhs.element.position.offset
                : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Checks a node and its children; records and returns the node's type.
    /// After an error the node's type is dyn, so one mistake is reported once.
    @discardableResult
    func visit(_ expr: Expr) -> CELType {
        let type: CELType
        switch expr.kind {
        case let .literal(literal): type = Self.type(of: literal)
        case let .ident(name): type = checkIdent(expr, name: name)
        case let .select(operand, field, testOnly): type = checkSelect(expr, operand: operand, field: field, testOnly: testOnly)
        case let .call(function, target, args): type = checkCall(expr, function: function, target: target, args: args)
        case let .list(elements): type = .list(.join(elements.map { visit($0) }))
        case let .map(entries): type = checkMap(entries)
        case let .comprehension(comprehension): type = checkComprehension(expr, comprehension)
        }
        types[expr.id] = type
        return type
    }

    static func type(of literal: Literal) -> CELType {
        switch literal {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .bytes: .bytes
        }
    }

    private func checkMap(_ entries: [MapEntry]) -> CELType {
        var keys: [CELType] = []
        var values: [CELType] = []
        for entry in entries {
            let key = visit(entry.key)
            switch key {
            case .bool, .int, .uint, .string, .dyn, .typeParam: break
            default:
                report(CheckCode.typeMismatch, "unsupported map key type '\(key)' (keys must be bool, int, uint or string)", at: entry.key.position)
            }
            keys.append(key)
            values.append(visit(entry.value))
        }
        return .map(key: .join(keys), value: .join(values))
    }
}
