/// Function calls, operators and the special forms `&&`, `||` and `? :`.
extension CheckingPass {
    /// Relations CEL allows across int, uint and double even where a library declares
    /// only same-type overloads (cel-spec compares numbers by value).
    static let relations: Set<String> = [Operator.less, Operator.lessEquals, Operator.greater, Operator.greaterEquals]

    func checkCall(_ expr: Expr, function: String, target: Expr?, args: [Expr]) -> CELType {
        switch function {
        case Operator.logicalAnd, Operator.logicalOr:
            return checkLogical(function: function, args: args)
        case Operator.conditional:
            return checkConditional(args)
        case Operator.equals, Operator.notEquals:
            // cel-spec's heterogeneous equality: any two values compare, to false if unlike.
            args.forEach { visit($0) }
            let ids = environment.library[function]?.overloads.map(\.id) ?? []
            references[expr.id] = .function(name: function, overloadIDs: ids)
            return .bool
        default:
            break
        }
        if let target, let type = checkNamespacedCall(expr, function: function, target: target, args: args) {
            return type
        }
        return resolveCall(expr, name: function, target: target, args: args)
    }

    /// `iam.actionMatches(x)`: a call on a dotted name may be a qualified global function
    /// (cel-go prefers the function). Nil when the target is an ordinary value.
    private func checkNamespacedCall(_ expr: Expr, function: String, target: Expr, args: [Expr]) -> CELType? {
        guard let prefix = Self.qualifiedName(target), !isLocalRoot(prefix) else { return nil }
        let bare = prefix.hasPrefix(".") ? String(prefix.dropFirst()) : prefix
        let qualified = bare + "." + function
        if environment.library[qualified] != nil {
            return resolveCall(expr, name: qualified, target: nil, args: args)
        }
        let namespace = environment.library.functions.keys.filter { $0.hasPrefix(bare + ".") }
        guard !namesValue(bare), !namespace.isEmpty else { return nil }
        // `iam.actionMatchs(...)`: a typo in a namespaced function, not a missing `iam` variable.
        args.forEach { visit($0) }
        let hint = Suggestion.didYouMean(qualified, among: Array(namespace))
        report(CheckCode.undeclaredFunction, "undeclared reference to function '\(qualified)'" + hint, at: expr.position)
        return .dyn
    }

    /// Whether some prefix of a dotted name is a declared variable (so the name is a value).
    private func namesValue(_ dotted: String) -> Bool {
        var prefix = ""
        for part in dotted.split(separator: ".") {
            prefix += prefix.isEmpty ? String(part) : "." + part
            if environment.variables[prefix] != nil { return true }
        }
        return false
    }

    private func checkLogical(function: String, args: [Expr]) -> CELType {
        let symbol = function == Operator.logicalAnd ? "&&" : "||"
        for arg in args {
            let type = visit(arg)
            if !type.canBeBool {
                report(CheckCode.typeMismatch, "operand of '\(symbol)' must be bool, found '\(type)'", at: arg.position)
            }
        }
        return .bool
    }

    private func checkConditional(_ args: [Expr]) -> CELType {
        let types = args.map { visit($0) }
        guard args.count == 3 else { return .dyn }
        if !types[0].canBeBool {
            report(CheckCode.typeMismatch, "condition of '? :' must be bool, found '\(types[0])'", at: args[0].position)
        }
        return types[1].joined(with: types[2])
    }

    /// Resolves a library call: existence, call style, arity, then argument types.
    private func resolveCall(_ expr: Expr, name: String, target: Expr?, args: [Expr]) -> CELType {
        let operands = (target.map { [$0] } ?? []) + args
        let operandTypes = operands.map { visit($0) }
        guard let declaration = environment.library[name] else {
            report(
                CheckCode.undeclaredFunction,
                "undeclared reference to function '\(name)'" + functionHint(name),
                at: expr.position
            )
            return .dyn
        }
        let isMember = target != nil
        let styled = declaration.overloads.filter { $0.isMember == isMember }
        guard !styled.isEmpty else {
            report(CheckCode.noMatchingOverload, Self.styleMessage(name, isMember: isMember, argumentCount: args.count), at: expr.position)
            return .dyn
        }
        let fitting = styled.filter { $0.parameters.count == operands.count }
        guard !fitting.isEmpty else {
            let counts = Set(styled.map { $0.parameters.count - (isMember ? 1 : 0) })
            report(CheckCode.wrongArity, Self.arityMessage(name, counts: counts, got: args.count), at: expr.position)
            return .dyn
        }
        validateLiterals(declaration, operands: operands)
        return matchOverloads(expr, name: name, fitting: fitting, operandTypes: operandTypes, isMember: isMember)
    }

    private func matchOverloads(
        _ expr: Expr, name: String, fitting: [FunctionOverload], operandTypes: [CELType], isMember: Bool
    ) -> CELType {
        var matched: [(id: String, result: CELType)] = []
        for overload in fitting {
            var unifier = TypeUnifier()
            let fits = zip(overload.parameters, operandTypes).allSatisfy { unifier.unify(parameter: $0, argument: $1) }
            if fits { matched.append((overload.id, unifier.substitute(overload.result))) }
        }
        if matched.isEmpty, Self.relations.contains(name), operandTypes.allSatisfy(\.isNumeric) {
            references[expr.id] = .function(name: name, overloadIDs: [])
            return .bool
        }
        guard !matched.isEmpty else {
            report(CheckCode.noMatchingOverload, Self.overloadMessage(name, operandTypes, isMember: isMember, fitting: fitting), at: expr.position)
            return .dyn
        }
        references[expr.id] = .function(name: name, overloadIDs: matched.map(\.id))
        return CELType.join(matched.map(\.result))
    }

    /// Runs the function's own check of literal arguments (e.g. a regex it cannot honour).
    private func validateLiterals(_ declaration: FunctionDecl, operands: [Expr]) {
        guard let validate = declaration.validateLiterals else { return }
        let literals: [Literal?] = operands.map { operand in
            if case let .literal(literal) = operand.kind { return literal }
            return nil
        }
        guard let problem = validate(literals) else { return }
        let position = operands.indices.contains(problem.argument) ? operands[problem.argument].position : operands.first?.position
        guard let position else { return }
        report(CheckCode.invalidArgument, problem.message, at: position)
    }

    /// "Did you mean" for a function: a namespaced one with this last name (`actionMatches`
    /// for `iam.actionMatches`), else one within a small edit distance.
    private func functionHint(_ name: String) -> String {
        let names = callableNames()
        if let qualified = names.filter({ $0.hasSuffix("." + name) }).sorted().first {
            return "; did you mean '\(qualified)'?"
        }
        return Suggestion.didYouMean(name, among: names)
    }

    /// Library functions a user could have meant (operators are not spelt by name).
    private func callableNames() -> [String] {
        environment.library.functions.keys.filter { name in
            !(name.hasPrefix("_") || name.hasPrefix("@") || name.hasPrefix("!") || name.hasPrefix("-"))
        }
    }

    static func styleMessage(_ name: String, isMember: Bool, argumentCount: Int) -> String {
        isMember
            ? "function '\(name)' cannot be called as a method; call it as \(name)(...)"
            : "function '\(name)' must be called as a method, e.g. value.\(name)(...)"
    }

    static func arityMessage(_ name: String, counts: Set<Int>, got: Int) -> String {
        let sorted = counts.sorted().map(String.init)
        let options = sorted.count <= 1
            ? sorted.joined()
            : sorted.dropLast().joined(separator: ", ") + " or " + (sorted.last ?? "")
        let noun = counts == [1] ? "argument" : "arguments"
        return "'\(name)' takes \(options) \(noun), got \(got)"
    }

    static func overloadMessage(_ name: String, _ types: [CELType], isMember: Bool, fitting: [FunctionOverload]) -> String {
        let applied = isMember
            ? "\(types.first.map(String.init(describing:)) ?? "").(\(types.dropFirst().map(String.init(describing:)).joined(separator: ", ")))"
            : "(\(types.map(String.init(describing:)).joined(separator: ", ")))"
        var message = "found no matching overload for '\(name)' applied to '\(applied)'"
        // A short list of what would fit helps; a long one (as for `+`) is noise.
        if fitting.count <= 3 {
            let expected = fitting.map { overload in
                let parameters = overload.parameters.map(String.init(describing:))
                return isMember
                    ? "\(parameters.first ?? "").(\(parameters.dropFirst().joined(separator: ", ")))"
                    : "(\(parameters.joined(separator: ", ")))"
            }
            message += "; expected " + expected.joined(separator: " or ")
        }
        return message
    }
}
