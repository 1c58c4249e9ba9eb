/// Planning of calls: special forms, qualified function names, fast paths, and dispatch.
extension Planner {
    mutating func planCall(_ expr: Expr, function: String, target: Expr?, arguments: [Expr]) -> Node {
        let position = expr.position
        if target == nil, let special = planSpecialForm(function, arguments, position) { return special }
        if let target, let qualified = qualifiedFunction(target, function) {
            return makeCall(qualified, member: false, arguments.map { plan($0) }, arguments, position)
        }
        guard let declaration = environment.library[function] else {
            diagnostics.append(CELDiagnostic(
                code: "undeclared-function", message: "undeclared reference to function '\(function)'", position: position))
            return ErrorNode("undeclared function '\(function)'", position: position)
        }
        let argumentExprs = (target.map { [$0] } ?? []) + arguments
        return makeCall(declaration, member: target != nil, argumentExprs.map { plan($0) }, argumentExprs, position)
    }

    /// `&&`, `||` and `? :` are not functions: they skip operands and absorb errors.
    private mutating func planSpecialForm(_ function: String, _ arguments: [Expr], _ position: SourcePosition) -> Node? {
        switch (function, arguments.count) {
        case (Operator.logicalAnd, 2):
            return LogicalNode(lhs: plan(arguments[0]), rhs: plan(arguments[1]), decisive: false, position: position)
        case (Operator.logicalOr, 2):
            return LogicalNode(lhs: plan(arguments[0]), rhs: plan(arguments[1]), decisive: true, position: position)
        case (Operator.conditional, 3):
            return ConditionalNode(condition: plan(arguments[0]), whenTrue: plan(arguments[1]),
                                   whenFalse: plan(arguments[2]), position: position)
        default:
            return nil
        }
    }

    /// `iam.actionMatches(a, b)` is a global call of `iam.actionMatches` when `iam` (and no
    /// prefix of a longer chain) is a variable or macro variable and the library has that function.
    private func qualifiedFunction(_ target: Expr, _ function: String) -> FunctionDecl? {
        guard let chain = Planner.identChain(target) else { return nil }
        let names = chain.map(\.name)
        if scopes.contains(names[0]) { return nil }
        for length in 1...names.count where environment.variables[names[0..<length].joined(separator: ".")] != nil {
            return nil
        }
        var qualified = names.joined(separator: ".") + "." + function
        if qualified.hasPrefix(".") { qualified.removeFirst() }
        return environment.library[qualified]
    }

    private func makeCall(
        _ declaration: FunctionDecl, member: Bool, _ arguments: [Node], _ argumentExprs: [Expr], _ position: SourcePosition
    ) -> Node {
        let name = declaration.name
        let candidates = declaration.overloads.filter { $0.isMember == member && $0.parameters.count == arguments.count }
        guard !candidates.isEmpty else {
            return ErrorNode("no matching overload for '\(name)' with \(arguments.count) argument(s)", position: position)
        }
        let fallback = OverloadSet(function: name, overloads: candidates)
        guard Planner.isStandard(declaration) else {
            return CallNode(arguments: arguments, overloads: fallback, position: position)
        }
        switch (name, arguments.count) {
        case (Operator.equals, 2), (Operator.notEquals, 2):
            return EqualsNode(lhs: arguments[0], rhs: arguments[1], negated: name == Operator.notEquals, position: position)
        case (Operator.logicalNot, 1):
            return NotNode(operand: arguments[0], position: position)
        case ("matches", 2):
            if case let .string(pattern)? = arguments[1].constant {
                let compiled = Result { () throws(CELEvaluationError) in NSRegularExpressionBox(expression: try RE2.compile(pattern)) }
                return MatchesLiteralNode(text: arguments[0], pattern: compiled, position: position)
            }
        default:
            break
        }
        let key = FastPaths.key(name, member: member)
        if arguments.count == 1, let function = FastPaths.unary[key] {
            return UnaryCallNode(operand: arguments[0], function: function, fallback: fallback, position: position)
        }
        if arguments.count == 2, let function = FastPaths.binary[key] {
            return BinaryCallNode(lhs: arguments[0], rhs: arguments[1], function: function, fallback: fallback,
                                  chargesSize: name == Operator.add, position: position)
        }
        return CallNode(arguments: arguments, overloads: fallback, position: position)
    }

    /// Whether a declaration is (an extension of) the standard one, so its fast path applies.
    private static func isStandard(_ declaration: FunctionDecl) -> Bool {
        guard let standardID = FunctionLibrary.standard[declaration.name]?.overloads.first?.id else { return false }
        return declaration.overloads.contains { $0.id == standardID }
    }
}

/// Direct implementations of standard functions, keyed by `name#g` (global) or `name#m` (member).
/// They share their code with the library overloads, so semantics are identical.
enum FastPaths {
    static func key(_ name: String, member: Bool) -> String { name + (member ? "#m" : "#g") }

    static let unary: [String: UnaryFunction] = [
        "-_#g": CELOperators.negate, "size#g": StandardLibrary.size, "size#m": StandardLibrary.size,
        "int#g": StandardLibrary.toInt, "uint#g": StandardLibrary.toUInt, "double#g": StandardLibrary.toDouble,
        "string#g": StandardLibrary.toString, "bool#g": StandardLibrary.toBool, "bytes#g": StandardLibrary.toBytes,
        "dyn#g": { $0 }, "type#g": { .type($0.runtimeType) },
        "timestamp#g": StandardLibrary.toTimestamp, "duration#g": StandardLibrary.toDuration,
        "lowerAscii#m": { StandardLibrary.mapASCII($0, upper: false) },
        "upperAscii#m": { StandardLibrary.mapASCII($0, upper: true) },
    ]

    static let binary: [String: BinaryFunction] = [
        "_+_#g": CELOperators.add, "_-_#g": CELOperators.subtract, "_*_#g": CELOperators.multiply,
        "_/_#g": CELOperators.divide, "_%_#g": CELOperators.modulo,
        "_<_#g": CELOperators.less, "_<=_#g": CELOperators.lessEquals,
        "_>_#g": CELOperators.greater, "_>=_#g": CELOperators.greaterEquals,
        "_[_]#g": CELOperators.index, "@in#g": CELOperators.contains,
        "contains#m": StandardLibrary.contains, "startsWith#m": StandardLibrary.startsWith,
        "endsWith#m": StandardLibrary.endsWith, "matches#m": StandardLibrary.matches, "matches#g": StandardLibrary.matches,
    ]
}
