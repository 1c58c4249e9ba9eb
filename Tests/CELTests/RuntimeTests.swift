import Testing
@testable import CEL

@Suite("CEL evaluator")
struct RuntimeTests {
    @Test("field selection on resources reads map keys")
    func fieldSelection() throws {
        #expect(try RuntimeProbe.value("!bucket.encryption.enabled", ["bucket": RuntimeProbe.bucket]) == true)
        #expect(try RuntimeProbe.value("bucket.name + '!'", ["bucket": RuntimeProbe.bucket]) == "logs!")
        let error = try RuntimeProbe.error("bucket.versioning", ["bucket": RuntimeProbe.bucket])
        #expect(error?.message == "no such key: 'versioning'")
        #expect(error?.position?.column == 7)
    }

    @Test("has() tests presence and fails on non-maps")
    func presence() throws {
        #expect(try RuntimeProbe.value("has(bucket.tags)", ["bucket": RuntimeProbe.bucket]) == true)
        #expect(try RuntimeProbe.value("has(bucket.policy)", ["bucket": RuntimeProbe.bucket]) == false)
        #expect(try RuntimeProbe.error("has(bucket.name.x)", ["bucket": RuntimeProbe.bucket]) != nil)
    }

    @Test("&& and || absorb errors when the other side decides")
    func errorAbsorption() throws {
        let bindings: [String: CELValue] = ["bucket": RuntimeProbe.bucket]
        #expect(try RuntimeProbe.value("bucket.missing && false", bindings) == false)
        #expect(try RuntimeProbe.value("false && bucket.missing", bindings) == false)
        #expect(try RuntimeProbe.value("bucket.missing || true", bindings) == true)
        #expect(try RuntimeProbe.error("bucket.missing && true", bindings) != nil)
        #expect(try RuntimeProbe.error("1 && true")?.message.contains("no matching overload") == true)
    }

    @Test("the conditional evaluates only the chosen branch")
    func conditional() throws {
        #expect(try RuntimeProbe.value("true ? 1 : 1 / 0") == 1)
        #expect(try RuntimeProbe.error("1 ? 2 : 3") != nil)
    }

    @Test("errors carry the position of the operator that raised them")
    func errorPositions() throws {
        let error = try RuntimeProbe.error("1 + (2 / 0)")
        #expect(error?.message == "division by zero")
        #expect(error?.position?.column == 8)
        #expect(try RuntimeProbe.error("9223372036854775807 + 1")?.message == "return error for overflow")
    }

    @Test("undeclared identifiers are evaluation errors")
    func undeclaredIdentifier() throws {
        #expect(try RuntimeProbe.error("nope == 1")?.message == "no such attribute: 'nope'")
        #expect(try RuntimeProbe.value("false && nope") == false)
    }

    @Test("undeclared functions are compile-time diagnostics with a position")
    func undeclaredFunction() throws {
        let parsed = try Parser().parse("1 + frobnicate(2)")
        #expect(throws: CELDiagnostics.self) {
            try Program(parsed, environment: CELEnvironment(library: .standard))
        }
        do {
            _ = try Program(parsed, environment: CELEnvironment(library: .standard))
        } catch {
            #expect(error.diagnostics.first?.code == "undeclared-function")
            #expect(error.diagnostics.first?.position.column == 5)
        }
    }

    @Test("a.b.c resolves to the longest declared dotted name")
    func qualifiedIdentifiers() throws {
        #expect(try RuntimeProbe.value("a.b.c", ["a.b.c": "whole", "a.b": .map(CELMap(["c": "field"]))]) == "whole")
        #expect(try RuntimeProbe.value("a.b.c", ["a.b": .map(CELMap(["c": "field"]))]) == "field")
    }

    @Test("a member call on a non-variable name chain calls a qualified library function")
    func qualifiedFunctions() throws {
        var library = FunctionLibrary.standard
        library.add(FunctionDecl(name: "iam.actionMatches", overloads: [
            FunctionOverload(id: "iam_action_matches", parameters: [.string, .string], result: .bool) { (arguments) throws(CELEvaluationError) -> CELValue in
                guard case let .string(pattern) = arguments[0], case let .string(action) = arguments[1] else {
                    throw CELEvaluationError("bad arguments")
                }
                return .bool(pattern == "*" || pattern == action)
            },
        ]))
        #expect(try RuntimeProbe.evaluate("iam.actionMatches('*', 's3:GetObject')", library: library).get() == true)
        // A variable named `iam` shadows the function namespace: this is a member call, undeclared.
        #expect(throws: CELDiagnostics.self) {
            try RuntimeProbe.evaluate("iam.actionMatches('*', 'x')", ["iam": .map(CELMap([:]))], library: library)
        }
    }

    @Test("macros iterate lists and map keys; the iteration variable shadows outer names")
    func macros() throws {
        #expect(try RuntimeProbe.value("[1, 2, 3].map(x, x * 2)") == [2, 4, 6])
        #expect(try RuntimeProbe.value("[1, 2, 3].map(x, x > 1, x * 10)") == [20, 30])
        #expect(try RuntimeProbe.value("{'a': 1, 'b': 2}.filter(k, k != 'a')") == ["b"])
        #expect(try RuntimeProbe.value("x.exists(x, x == 2)", ["x": [1, 2]]) == true)
        #expect(try RuntimeProbe.value("[1, 2].all(x, [3].all(x, x == 3))") == true)
        #expect(try RuntimeProbe.value("[0, 1].all(x, 1 / x > 5)") == false)
        #expect(try RuntimeProbe.value("[0, 1].exists(x, 1 / x == 1)") == true)
        #expect(try RuntimeProbe.error("[0, 1].exists_one(x, 1 / x == 1)") != nil)
    }

    @Test("macros nested deeper than the inline variable slots see every level")
    func deepMacros() throws {
        // Six levels: slots 0-3 are inline, 4 and 5 spill into an array.
        let source = "[1].all(a, [2].all(b, [3].all(c, [4].all(d, [5].all(e, [6].all(f, [a, b, c, d, e, f] == [1, 2, 3, 4, 5, 6]))))))"
        #expect(try RuntimeProbe.value(source) == true)
        let sum = "[1].map(a, [2].map(b, [3].map(c, [4].map(d, [5].map(e, [6].map(f, a + b + c + d + e + f))))))"
        #expect(try RuntimeProbe.value(sum) == [[[[[[21]]]]]])
        #expect(try RuntimeProbe.value("[1, 2].map(a, [10].map(b, [100].map(c, [1000].map(d, [a].map(e, e + d + c + b)))))")
            == [[[[[1111]]]], [[[[1112]]]]])
    }

    @Test("the evaluation cost limit stops runaway macros")
    func costLimit() throws {
        let limits = CELLimits(maxEvaluationCost: 50)
        let error = try RuntimeProbe.error("[1, 2, 3, 4].map(x, [1, 2, 3, 4].map(y, x * y))", limits: limits)
        #expect(error?.message == "evaluation cost exceeds the limit of 50")
        #expect(try RuntimeProbe.error("[1, 2].map(x, x)", limits: limits) == nil)
    }

    @Test("a hand-built syntax tree compiles and evaluates")
    func handBuiltTree() throws {
        let at = SourcePosition.start
        let sum = Expr(id: 3, position: at, kind: .call(function: Operator.add, target: nil, args: [
            Expr(id: 1, position: at, kind: .ident("x")), Expr(id: 2, position: at, kind: .literal(.int(1))),
        ]))
        let program = try Program(root: sum, environment: CELEnvironment(variables: ["x": .int], library: .standard))
        #expect(try program.evaluate(Activation(["x": 41])).get() == 42)
    }

    @Test("strings: size in code points, substring tests, regular expressions, ASCII case")
    func strings() throws {
        #expect(try RuntimeProbe.value("size('héllo')") == 5)
        #expect(try RuntimeProbe.value("'arn:aws:s3'.startsWith('arn:') && 'x.json'.endsWith('.json')") == true)
        #expect(try RuntimeProbe.value("'abc'.contains('bc') && 'abc'.matches('^a.c$')") == true)
        #expect(try RuntimeProbe.value("'ABc'.lowerAscii() + 'd'.upperAscii()") == "abcD")
        #expect(try RuntimeProbe.value("'a1'.matches('\\\\d')") == true)
        #expect(try RuntimeProbe.value("'١'.matches('\\\\d')") == false, "RE2's \\d is ASCII-only")
    }

    @Test("timestamps and durations: parsing, arithmetic, accessors with time zones")
    func time() throws {
        #expect(try RuntimeProbe.value("duration('1h2m3.5s') == duration('3723500ms')") == true)
        #expect(try RuntimeProbe.value("string(timestamp('2024-02-29T12:00:00+02:00'))") == "2024-02-29T10:00:00Z")
        #expect(try RuntimeProbe.value("timestamp('2024-01-01T00:30:00Z').getFullYear('America/Los_Angeles')") == 2023)
        #expect(try RuntimeProbe.value("timestamp('2024-03-01T00:00:00Z') - duration('24h') < timestamp('2024-03-01T00:00:00Z')")
                == true)
        #expect(try RuntimeProbe.error("timestamp('9999-12-31T23:59:59Z') + duration('1s')") != nil)
    }
}
