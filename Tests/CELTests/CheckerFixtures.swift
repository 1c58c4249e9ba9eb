@testable import CEL

/// Builds syntax trees by hand, numbering nodes as a parser would.
/// Positions are `(line, column)`; the offset is derived so that sorting follows them.
final class TreeBuilder {
    private var nextID = 0

    /// `place` is `[column]` on line 1, or `[line, column]`.
    static func position(_ place: [Int]) -> SourcePosition {
        let line = place.count > 1 ? place[0] : 1
        let column = place.last ?? 1
        return SourcePosition(offset: line * 1000 + column, line: line, column: column)
    }

    func node(_ kind: ExprKind, _ place: [Int]) -> Expr {
        nextID += 1
        return Expr(id: nextID, position: Self.position(place), kind: kind)
    }

    func ident(_ name: String, _ place: Int...) -> Expr { node(.ident(name), place) }
    func int(_ value: Int64, _ place: Int...) -> Expr { node(.literal(.int(value)), place) }
    func double(_ value: Double, _ place: Int...) -> Expr { node(.literal(.double(value)), place) }
    func string(_ value: String, _ place: Int...) -> Expr { node(.literal(.string(value)), place) }
    func bool(_ value: Bool, _ place: Int...) -> Expr { node(.literal(.bool(value)), place) }

    func select(_ operand: Expr, _ field: String, _ place: Int..., has: Bool = false) -> Expr {
        node(.select(operand: operand, field: field, testOnly: has), place)
    }

    func call(_ function: String, _ args: [Expr], on target: Expr? = nil, _ place: Int...) -> Expr {
        node(.call(function: function, target: target, args: args), place)
    }

    func binary(_ function: String, _ lhs: Expr, _ rhs: Expr, _ place: Int...) -> Expr {
        node(.call(function: function, target: nil, args: [lhs, rhs]), place)
    }

    func list(_ elements: [Expr], _ place: Int...) -> Expr { node(.list(elements), place) }

    func map(_ entries: [(Expr, Expr)], _ place: Int...) -> Expr {
        let position = Self.position(place)
        return node(.map(entries.map { MapEntry(key: $0.0, value: $0.1, position: position) }), place)
    }

    func macro(
        _ kind: MacroKind, _ range: Expr, _ variable: String, predicate: Expr? = nil, transform: Expr? = nil,
        _ place: Int...
    ) -> Expr {
        node(.comprehension(Comprehension(kind: kind, range: range, variable: variable, predicate: predicate, transform: transform)), place)
    }

    func parsed(_ root: Expr) -> ParsedExpression { ParsedExpression(source: "", root: root, maxID: nextID) }
}

enum CheckerFixtures {
    static let encryption = ObjectType(name: "encryption", fields: ["enabled": .bool, "algorithm": .string])
    static let policy = ObjectType(name: "policy", fields: ["actions": .list(.string), "effect": .string, "public": .bool])
    static let bucket = ObjectType(name: "bucket", fields: [
        "name": .string,
        "encryption": .object(encryption),
        "policies": .list(.object(policy)),
        "tags": .map(key: .string, value: .string),
        "sizeBytes": .int,
        "extra": .dyn,
    ])

    static func overload(_ id: String, member: Bool = false, _ parameters: [CELType], _ result: CELType) -> FunctionOverload {
        FunctionOverload(id: id, isMember: member, parameters: parameters, result: result) { _ in .null }
    }

    /// A small library shaped like the standard one, so the checker is tested on its own.
    static let library = FunctionLibrary([
        FunctionDecl(name: Operator.add, overloads: [
            overload("add_int64", [.int, .int], .int),
            overload("add_double", [.double, .double], .double),
            overload("add_string", [.string, .string], .string),
            overload("add_list", [.list(.typeParam("A")), .list(.typeParam("A"))], .list(.typeParam("A"))),
        ]),
        FunctionDecl(name: Operator.greater, overloads: [
            overload("greater_int64", [.int, .int], .bool),
            overload("greater_double", [.double, .double], .bool),
        ]),
        FunctionDecl(name: Operator.equals, overloads: [overload("equals", [.typeParam("A"), .typeParam("A")], .bool)]),
        FunctionDecl(name: Operator.logicalNot, overloads: [overload("logical_not", [.bool], .bool)]),
        FunctionDecl(name: Operator.index, overloads: [
            overload("index_list", [.list(.typeParam("A")), .int], .typeParam("A")),
            overload("index_map", [.map(key: .typeParam("K"), value: .typeParam("V")), .typeParam("K")], .typeParam("V")),
        ]),
        FunctionDecl(name: Operator.in, overloads: [
            overload("in_list", [.typeParam("A"), .list(.typeParam("A"))], .bool),
            overload("in_map", [.typeParam("K"), .map(key: .typeParam("K"), value: .typeParam("V"))], .bool),
        ]),
        FunctionDecl(name: "size", overloads: [
            overload("size_string", [.string], .int),
            overload("string_size", member: true, [.string], .int),
            overload("size_list", [.list(.typeParam("A"))], .int),
            overload("list_size", member: true, [.list(.typeParam("A"))], .int),
        ]),
        FunctionDecl(name: "startsWith", overloads: [overload("starts_with", member: true, [.string, .string], .bool)]),
        FunctionDecl(name: "int", overloads: [
            overload("double_to_int", [.double], .int),
            overload("string_to_int", [.string], .int),
        ]),
        FunctionDecl(
            name: "matches",
            overloads: [overload("matches_string", member: true, [.string, .string], .bool)],
            validateLiterals: { literals in
                if literals.count == 2, case let .string(pattern)? = literals[1], pattern.contains("(?=") {
                    return (1, "lookahead '(?=' is not supported by RE2")
                }
                return nil
            }
        ),
        FunctionDecl(name: "iam.actionMatches", overloads: [overload("iam_action_matches", [.string, .string], .bool)]),
    ])

    static let environment = CELEnvironment(
        variables: [
            "bucket": .object(bucket),
            "names": .list(.string),
            "labels": .map(key: .string, value: .dyn),
            "count": .int,
            "ratio": .double,
            "anything": .dyn,
            "request.auth.principal": .string,
        ],
        library: library
    )

    static func check(_ parsed: ParsedExpression) -> Result<CheckedExpression, CELDiagnostics> {
        Result { () throws(CELDiagnostics) in try Checker(environment: environment).check(parsed) }
    }
}
