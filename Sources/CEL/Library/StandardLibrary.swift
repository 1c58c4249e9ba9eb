extension FunctionLibrary {
    /// CEL's standard functions and operators with typed overloads and implementations:
    /// arithmetic, comparison, equality, indexing, `in`, `size`, string functions, `matches`,
    /// type conversions, and timestamp/duration functions.
    ///
    /// `_&&_`, `_||_` and `_?_:_` are not here: they are not strict functions (they absorb
    /// errors and skip branches), so the evaluator and the checker treat them as special forms.
    public static let standard = FunctionLibrary(StandardLibrary.declarations)
}

/// Builds the declarations of `FunctionLibrary.standard`.
enum StandardLibrary {
    typealias Implementation = @Sendable ([CELValue]) throws(CELEvaluationError) -> CELValue

    static var declarations: [FunctionDecl] {
        operatorDeclarations + stringDeclarations + conversionDeclarations + timeDeclarations
    }

    /// One overload whose implementation is given directly.
    static func overload(
        _ id: String, member: Bool = false, _ parameters: [CELType], _ result: CELType,
        _ implementation: @escaping Implementation
    ) -> FunctionOverload {
        FunctionOverload(id: id, isMember: member, parameters: parameters, result: result, implementation: implementation)
    }

    /// Overloads sharing one unary implementation that returns nil for unsupported kinds.
    static func unary(
        _ function: String, member: Bool = false, _ signatures: [(id: String, parameter: CELType, result: CELType)],
        _ body: @escaping @Sendable (CELValue) throws(CELEvaluationError) -> CELValue?
    ) -> [FunctionOverload] {
        signatures.map { signature in
            overload(signature.id, member: member, [signature.parameter], signature.result) {
                (arguments) throws(CELEvaluationError) -> CELValue in
                guard arguments.count == 1, let result = try body(arguments[0]) else {
                    throw CELOperators.noMatchingOverload(function, arguments)
                }
                return result
            }
        }
    }

    /// Overloads sharing one binary implementation that returns nil for unsupported kinds.
    static func binary(
        _ function: String, member: Bool = false,
        _ signatures: [(id: String, parameters: (CELType, CELType), result: CELType)],
        _ body: @escaping @Sendable (CELValue, CELValue) throws(CELEvaluationError) -> CELValue?
    ) -> [FunctionOverload] {
        signatures.map { signature in
            overload(signature.id, member: member, [signature.parameters.0, signature.parameters.1], signature.result) {
                (arguments) throws(CELEvaluationError) -> CELValue in
                guard arguments.count == 2, let result = try body(arguments[0], arguments[1]) else {
                    throw CELOperators.noMatchingOverload(function, arguments)
                }
                return result
            }
        }
    }

    static let numericKinds: [(name: String, type: CELType)] = [("int64", .int), ("uint64", .uint), ("double", .double)]

    static var operatorDeclarations: [FunctionDecl] {
        arithmeticDeclarations + comparisonDeclarations + [
            FunctionDecl(
                name: Operator.logicalNot, documentation: "Logical negation.",
                overloads: unary(Operator.logicalNot, [("logical_not", .bool, .bool)], CELOperators.not)),
            FunctionDecl(
                name: Operator.index, documentation: "List element by position, or map value by key.",
                overloads: binary(Operator.index, [
                    ("index_list", (.list(.typeParam("A")), .int), .typeParam("A")),
                    ("index_map", (.map(key: .typeParam("K"), value: .typeParam("V")), .typeParam("K")), .typeParam("V")),
                ], CELOperators.index)),
            FunctionDecl(
                name: Operator.in, documentation: "List membership (by equality) or map key presence.",
                overloads: binary(Operator.in, [
                    ("in_list", (.typeParam("A"), .list(.typeParam("A"))), .bool),
                    ("in_map", (.typeParam("K"), .map(key: .typeParam("K"), value: .typeParam("V"))), .bool),
                ], CELOperators.contains)),
        ]
    }

    private static var arithmeticDeclarations: [FunctionDecl] {
        let a = CELType.typeParam("A")
        let numeric = numericKinds.map { (id: $0.name, parameters: ($0.type, $0.type), result: $0.type) }
        let addExtra: [(id: String, parameters: (CELType, CELType), result: CELType)] = [
            ("string", (.string, .string), .string), ("bytes", (.bytes, .bytes), .bytes),
            ("list", (.list(a), .list(a)), .list(a)),
            ("timestamp_duration", (.timestamp, .duration), .timestamp),
            ("duration_timestamp", (.duration, .timestamp), .timestamp),
            ("duration_duration", (.duration, .duration), .duration),
        ]
        let subtractExtra: [(id: String, parameters: (CELType, CELType), result: CELType)] = [
            ("timestamp_timestamp", (.timestamp, .timestamp), .duration),
            ("timestamp_duration", (.timestamp, .duration), .timestamp),
            ("duration_duration", (.duration, .duration), .duration),
        ]
        func prefixed(_ prefix: String, _ list: [(id: String, parameters: (CELType, CELType), result: CELType)])
            -> [(id: String, parameters: (CELType, CELType), result: CELType)]
        {
            list.map { (id: prefix + "_" + $0.id, parameters: $0.parameters, result: $0.result) }
        }
        return [
            FunctionDecl(name: Operator.add, documentation: "Addition, concatenation, and time arithmetic.",
                         overloads: binary(Operator.add, prefixed("add", numeric + addExtra), CELOperators.add)),
            FunctionDecl(name: Operator.subtract, documentation: "Subtraction and time arithmetic.",
                         overloads: binary(Operator.subtract, prefixed("subtract", numeric + subtractExtra),
                                           CELOperators.subtract)),
            FunctionDecl(name: Operator.multiply, documentation: "Multiplication.",
                         overloads: binary(Operator.multiply, prefixed("multiply", numeric), CELOperators.multiply)),
            FunctionDecl(name: Operator.divide, documentation: "Division (integer division truncates).",
                         overloads: binary(Operator.divide, prefixed("divide", numeric), CELOperators.divide)),
            FunctionDecl(name: Operator.modulo, documentation: "Remainder of integer division.",
                         overloads: binary(Operator.modulo, prefixed("modulo", Array(numeric.prefix(2))),
                                           CELOperators.modulo)),
            FunctionDecl(name: Operator.negate, documentation: "Arithmetic negation.",
                         overloads: unary(Operator.negate, [("negate_int64", .int, .int), ("negate_double", .double, .double)],
                                          CELOperators.negate)),
        ]
    }

    private static var comparisonDeclarations: [FunctionDecl] {
        let a = CELType.typeParam("A")
        let equality: [(String, String)] = [(Operator.equals, "equals"), (Operator.notEquals, "not_equals")]
        let equalityDecls = equality.map { name, id in
            FunctionDecl(name: name, documentation: "Equality across all types (numbers compare by value).", overloads: [
                overload(id, [a, a], .bool) { (arguments) throws(CELEvaluationError) -> CELValue in
                    guard arguments.count == 2 else { throw CELOperators.noMatchingOverload(name, arguments) }
                    return .bool((arguments[0] == arguments[1]) == (name == Operator.equals))
                },
            ])
        }
        let ordered: [(name: String, type: CELType)] = numericKinds + [
            ("string", .string), ("bytes", .bytes), ("bool", .bool), ("timestamp", .timestamp), ("duration", .duration),
        ]
        var pairs = ordered.map { (id: $0.name + "_" + $0.name, parameters: ($0.type, $0.type), result: CELType.bool) }
        for lhs in numericKinds { for rhs in numericKinds where lhs.name != rhs.name {
            pairs.append((id: lhs.name + "_" + rhs.name, parameters: (lhs.type, rhs.type), result: .bool))
        } }
        let orderings: [(String, String, @Sendable (CELValue, CELValue) -> CELValue?)] = [
            (Operator.less, "less", CELOperators.less), (Operator.lessEquals, "less_equals", CELOperators.lessEquals),
            (Operator.greater, "greater", CELOperators.greater),
            (Operator.greaterEquals, "greater_equals", CELOperators.greaterEquals),
        ]
        let orderingDecls = orderings.map { name, id, body in
            FunctionDecl(name: name, documentation: "Ordering of numbers, strings, bytes, bools and times.",
                         overloads: binary(name, pairs.map { (id: id + "_" + $0.id, parameters: $0.parameters, result: $0.result) },
                                           body))
        }
        return equalityDecls + orderingDecls
    }
}
