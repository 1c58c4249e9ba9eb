import Testing
@testable import CEL

/// Checker tests on hand-built trees (independent of the parser).
struct CheckerTreeTests {
    struct ErrorCase: CustomTestStringConvertible, Sendable {
        let source: String
        let build: @Sendable (TreeBuilder) -> Expr
        let code: String
        let line: Int
        let column: Int
        var message: String = ""
        var testDescription: String { source }
    }

    static let errors: [ErrorCase] = [
        ErrorCase(source: "bukcet.name", build: { b in b.select(b.ident("bukcet", 1), "name", 7) },
                  code: "undeclared-reference", line: 1, column: 1, message: "did you mean 'bucket'?"),
        ErrorCase(source: "bucket.encryptoin.enabled", build: { b in
            b.select(b.select(b.ident("bucket", 1), "encryptoin", 7), "enabled", 18)
        }, code: "undefined-field", line: 1, column: 7, message: "undefined field 'encryptoin' on type 'bucket'; did you mean 'encryption'?"),
        ErrorCase(source: "true &&\n  bucket.encryption.enabeld", build: { b in
            b.binary(Operator.logicalAnd, b.bool(true, 1), b.select(b.select(b.ident("bucket", 2, 3), "encryption", 2, 9), "enabeld", 2, 20), 6)
        }, code: "undefined-field", line: 2, column: 20, message: "did you mean 'enabled'?"),
        ErrorCase(source: "has(bucket.nmae)", build: { b in b.select(b.ident("bucket", 5), "nmae", 11, has: true) },
                  code: "undefined-field", line: 1, column: 11, message: "did you mean 'name'?"),
        ErrorCase(source: "count.x", build: { b in b.select(b.ident("count", 1), "x", 6) },
                  code: "undefined-field", line: 1, column: 6, message: "type 'int' does not support field selection"),
        ErrorCase(source: "sise(names)", build: { b in b.call("sise", [b.ident("names", 6)], 1) },
                  code: "undeclared-function", line: 1, column: 1, message: "did you mean 'size'?"),
        ErrorCase(source: "bucket.name.startsWith('a', 'b')", build: { b in
            b.call("startsWith", [b.string("a", 24), b.string("b", 29)], on: b.select(b.ident("bucket", 1), "name", 7), 13)
        }, code: "wrong-arity", line: 1, column: 13, message: "'startsWith' takes 1 argument, got 2"),
        ErrorCase(source: "startsWith('a', 'b')", build: { b in b.call("startsWith", [b.string("a", 12), b.string("b", 17)], 1) },
                  code: "no-matching-overload", line: 1, column: 1, message: "must be called as a method"),
        ErrorCase(source: "count + 'x'", build: { b in b.binary(Operator.add, b.ident("count", 1), b.string("x", 9), 7) },
                  code: "no-matching-overload", line: 1, column: 7, message: "found no matching overload for '_+_' applied to '(int, string)'"),
        ErrorCase(source: "1 + 1.0", build: { b in b.binary(Operator.add, b.int(1, 1), b.double(1, 5), 3) },
                  code: "no-matching-overload", line: 1, column: 3),
        ErrorCase(source: "[1] + ['a']", build: { b in
            b.binary(Operator.add, b.list([b.int(1, 2)], 1), b.list([b.string("a", 8)], 7), 5)
        }, code: "no-matching-overload", line: 1, column: 5),
        ErrorCase(source: "bucket.sizeBytes.startsWith('a')", build: { b in
            b.call("startsWith", [b.string("a", 29)], on: b.select(b.ident("bucket", 1), "sizeBytes", 7), 18)
        }, code: "no-matching-overload", line: 1, column: 18, message: "applied to 'int.(string)'"),
        ErrorCase(source: "bucket.name.matches('a(?=b)')", build: { b in
            b.call("matches", [b.string("a(?=b)", 21)], on: b.select(b.ident("bucket", 1), "name", 7), 13)
        }, code: "invalid-argument", line: 1, column: 21, message: "lookahead"),
        ErrorCase(source: "count && true", build: { b in b.binary(Operator.logicalAnd, b.ident("count", 1), b.bool(true, 10), 7) },
                  code: "type-mismatch", line: 1, column: 1),
        ErrorCase(source: "'a' ? 1 : 2", build: { b in
            b.call(Operator.conditional, [b.string("a", 1), b.int(1, 7), b.int(2, 11)], 5)
        }, code: "type-mismatch", line: 1, column: 1),
        ErrorCase(source: "[1,2].all(x, x > 0) && x == 1", build: { b in
            let all = b.macro(.all, b.list([b.int(1, 2), b.int(2, 4)], 1), "x",
                              predicate: b.binary(Operator.greater, b.ident("x", 14), b.int(0, 18), 16), 10)
            return b.binary(Operator.logicalAnd, all, b.binary(Operator.equals, b.ident("x", 24), b.int(1, 29), 26), 21)
        }, code: "undeclared-reference", line: 1, column: 24),
        ErrorCase(source: "bucket.policies.exists(p,\n  p.efect == 'Allow')", build: { b in
            let predicate = b.binary(Operator.equals, b.select(b.ident("p", 2, 3), "efect", 2, 4), b.string("Allow", 2, 14), 2, 11)
            return b.macro(.exists, b.select(b.ident("bucket", 1), "policies", 7), "p", predicate: predicate, 17)
        }, code: "undefined-field", line: 2, column: 4, message: "undefined field 'efect' on type 'policy'; did you mean 'effect'?"),
        ErrorCase(source: "names.all(n, n)", build: { b in b.macro(.all, b.ident("names", 1), "n", predicate: b.ident("n", 14), 10) },
                  code: "type-mismatch", line: 1, column: 14, message: "predicate of 'all' must be bool, found 'string'"),
        ErrorCase(source: "count.all(n, true)", build: { b in b.macro(.all, b.ident("count", 1), "n", predicate: b.bool(true, 14), 10) },
                  code: "type-mismatch", line: 1, column: 1),
        ErrorCase(source: "{[1]: 2}", build: { b in b.map([(b.list([b.int(1, 3)], 2), b.int(2, 7))], 1) },
                  code: "type-mismatch", line: 1, column: 2),
        ErrorCase(source: "iam.actionMatchs('a', 'b')", build: { b in
            b.call("actionMatchs", [b.string("a", 18), b.string("b", 23)], on: b.ident("iam", 1), 5)
        }, code: "undeclared-function", line: 1, column: 5, message: "did you mean 'iam.actionMatches'?"),
        ErrorCase(source: "actionMatches('a', 'b')", build: { b in b.call("actionMatches", [b.string("a", 15), b.string("b", 20)], 1) },
                  code: "undeclared-function", line: 1, column: 1, message: "did you mean 'iam.actionMatches'?"),
        ErrorCase(source: "iam.actionMatches('a')", build: { b in
            b.call("actionMatches", [b.string("a", 19)], on: b.ident("iam", 1), 5)
        }, code: "wrong-arity", line: 1, column: 5, message: "'iam.actionMatches' takes 2 arguments, got 1"),
        ErrorCase(source: "request.auth.princpal", build: { b in
            b.select(b.select(b.ident("request", 1), "auth", 8), "princpal", 13)
        }, code: "undeclared-reference", line: 1, column: 1, message: "undeclared reference to 'request.auth.princpal'; did you mean 'request.auth.principal'?"),
    ]

    @Test("each kind of mistake is reported with its code and place", arguments: errors)
    func reportsError(_ testCase: ErrorCase) throws {
        let builder = TreeBuilder()
        let parsed = builder.parsed(testCase.build(builder))
        guard case let .failure(failure) = CheckerFixtures.check(parsed) else {
            Issue.record("expected \(testCase.code) for \(testCase.source)")
            return
        }
        let first = try #require(failure.diagnostics.first)
        #expect(first.code == testCase.code, "\(failure)")
        #expect(first.position.line == testCase.line)
        #expect(first.position.column == testCase.column)
        if !testCase.message.isEmpty {
            #expect(first.message.contains(testCase.message), "\(first.message)")
        }
    }
}

extension CheckerTreeTests {
    struct TypeCase: CustomTestStringConvertible, Sendable {
        let source: String
        let build: @Sendable (TreeBuilder) -> Expr
        let type: CELType
        var testDescription: String { source }
    }

    static let typed: [TypeCase] = [
        TypeCase(source: "bucket.encryption.algorithm", build: { b in
            b.select(b.select(b.ident("bucket", 1), "encryption", 7), "algorithm", 18)
        }, type: .string),
        TypeCase(source: "has(bucket.encryption)", build: { b in b.select(b.ident("bucket", 5), "encryption", 11, has: true) }, type: .bool),
        TypeCase(source: "bucket.tags.env", build: { b in b.select(b.select(b.ident("bucket", 1), "tags", 7), "env", 12) }, type: .string),
        TypeCase(source: "labels.a.b.c", build: { b in
            b.select(b.select(b.select(b.ident("labels", 1), "a", 7), "b", 9), "c", 11)
        }, type: .dyn),
        TypeCase(source: "request.auth.principal", build: { b in
            b.select(b.select(b.ident("request", 1), "auth", 8), "principal", 13)
        }, type: .string),
        TypeCase(source: "count + 1", build: { b in b.binary(Operator.add, b.ident("count", 1), b.int(1, 9), 7) }, type: .int),
        TypeCase(source: "anything + 1", build: { b in b.binary(Operator.add, b.ident("anything", 1), b.int(1, 12), 10) }, type: .int),
        TypeCase(source: "anything + anything", build: { b in
            b.binary(Operator.add, b.ident("anything", 1), b.ident("anything", 12), 10)
        }, type: .dyn),
        TypeCase(source: "names + ['x']", build: { b in
            b.binary(Operator.add, b.ident("names", 1), b.list([b.string("x", 10)], 9), 7)
        }, type: .list(.string)),
        TypeCase(source: "names[0]", build: { b in b.binary(Operator.index, b.ident("names", 1), b.int(0, 7), 6) }, type: .string),
        TypeCase(source: "bucket.tags['env']", build: { b in
            b.binary(Operator.index, b.select(b.ident("bucket", 1), "tags", 7), b.string("env", 13), 12)
        }, type: .string),
        TypeCase(source: "'name' in bucket", build: { b in b.binary(Operator.in, b.string("name", 1), b.ident("bucket", 11), 8) }, type: .bool),
        TypeCase(source: "count > ratio", build: { b in b.binary(Operator.greater, b.ident("count", 1), b.ident("ratio", 9), 7) }, type: .bool),
        TypeCase(source: "count == 'x'", build: { b in b.binary(Operator.equals, b.ident("count", 1), b.string("x", 10), 7) }, type: .bool),
        TypeCase(source: "[1, 'a']", build: { b in b.list([b.int(1, 2), b.string("a", 5)], 1) }, type: .list(.dyn)),
        TypeCase(source: "[]", build: { b in b.list([], 1) }, type: .list(.dyn)),
        TypeCase(source: "{'a': 1}", build: { b in b.map([(b.string("a", 2), b.int(1, 7))], 1) }, type: .map(key: .string, value: .int)),
        TypeCase(source: "true ? 1 : 2", build: { b in b.call(Operator.conditional, [b.bool(true, 1), b.int(1, 8), b.int(2, 12)], 6) }, type: .int),
        TypeCase(source: "true ? 1 : 'a'", build: { b in b.call(Operator.conditional, [b.bool(true, 1), b.int(1, 8), b.string("a", 12)], 6) }, type: .dyn),
        TypeCase(source: "bucket.policies.exists(p, p.public)", build: { b in
            b.macro(.exists, b.select(b.ident("bucket", 1), "policies", 7), "p", predicate: b.select(b.ident("p", 27), "public", 28), 17)
        }, type: .bool),
        TypeCase(source: "bucket.policies.filter(p, p.public)", build: { b in
            b.macro(.filter, b.select(b.ident("bucket", 1), "policies", 7), "p", predicate: b.select(b.ident("p", 27), "public", 28), 17)
        }, type: .list(.object(CheckerFixtures.policy))),
        TypeCase(source: "bucket.policies.map(p, p.actions)", build: { b in
            b.macro(.map, b.select(b.ident("bucket", 1), "policies", 7), "p", transform: b.select(b.ident("p", 24), "actions", 25), 17)
        }, type: .list(.list(.string))),
        TypeCase(source: "bucket.tags.all(k, k.startsWith('a'))", build: { b in
            let predicate = b.call("startsWith", [b.string("a", 33)], on: b.ident("k", 20), 22)
            return b.macro(.all, b.select(b.ident("bucket", 1), "tags", 7), "k", predicate: predicate, 13)
        }, type: .bool),
        TypeCase(source: "names.exists(count, count == 'x')", build: { b in
            // The macro variable shadows the declared `count` (an int).
            let predicate = b.call("startsWith", [b.string("x", 30)], on: b.ident("count", 21), 27)
            return b.macro(.exists, b.ident("names", 1), "count", predicate: predicate, 7)
        }, type: .bool),
        TypeCase(source: "iam.actionMatches('s3:GetObject', 's3:*')", build: { b in
            b.call("actionMatches", [b.string("s3:GetObject", 19), b.string("s3:*", 35)], on: b.ident("iam", 1), 5)
        }, type: .bool),
        TypeCase(source: "size(names)", build: { b in b.call("size", [b.ident("names", 6)], 1) }, type: .int),
        TypeCase(source: "int == uint", build: { b in
            b.binary(Operator.equals, b.ident("int", 1), b.ident("uint", 8), 5)
        }, type: .bool),
    ]

    @Test("well-typed expressions get the expected result type", arguments: typed)
    func typesExpression(_ testCase: TypeCase) {
        let builder = TreeBuilder()
        let parsed = builder.parsed(testCase.build(builder))
        switch CheckerFixtures.check(parsed) {
        case let .success(checked): #expect(checked.resultType == testCase.type)
        case let .failure(failure): Issue.record("\(testCase.source): \(failure)")
        }
    }

    @Test("all problems are reported, sorted by position")
    func reportsAllProblems() {
        let b = TreeBuilder()
        // bukcet.name == 'x' ||
        //   count + 'a' == sise(1)
        let lhs = b.binary(Operator.equals, b.select(b.ident("bukcet", 1), "name", 7), b.string("x", 15), 12)
        let sum = b.binary(Operator.add, b.ident("count", 2, 3), b.string("a", 2, 11), 2, 9)
        let rhs = b.binary(Operator.equals, sum, b.call("sise", [b.int(1, 2, 23)], 2, 18), 2, 15)
        let parsed = b.parsed(b.binary(Operator.logicalOr, lhs, rhs, 1, 19))
        guard case let .failure(failure) = CheckerFixtures.check(parsed) else {
            Issue.record("expected errors")
            return
        }
        #expect(failure.diagnostics.map(\.code) == ["undeclared-reference", "no-matching-overload", "undeclared-function"])
        #expect(failure.diagnostics.map(\.position.description) == ["1:1", "2:9", "2:18"])
    }

    @Test("references record variables, qualified names and chosen overloads")
    func recordsReferences() throws {
        let b = TreeBuilder()
        let principal = b.select(b.select(b.ident("request", 1), "auth", 8), "principal", 13)
        let call = b.call("startsWith", [b.string("a", 35)], on: principal, 23)
        let checked = try Checker(environment: CheckerFixtures.environment).check(b.parsed(call))
        #expect(checked.references[principal.id] == .variable("request.auth.principal"))
        #expect(checked.references[call.id] == .function(name: "startsWith", overloadIDs: ["starts_with"]))
        #expect(checked.types[principal.id] == .string)
    }

    @Test("type names parse as in cel-spec's type_env", arguments: [
        ("int", CELType.int), ("null_type", .null), ("list(string)", .list(.string)),
        ("map(string, list(int))", .map(key: .string, value: .list(.int))),
        ("google.protobuf.Duration", .duration), ("google.protobuf.Timestamp", .timestamp),
    ])
    func parsesTypeName(_ text: String, _ type: CELType) {
        #expect(CELType(parsing: text) == type)
    }

    @Test("malformed type names are rejected", arguments: ["", "list(", "map(int)", "foo", "list(int) x"])
    func rejectsTypeName(_ text: String) {
        #expect(CELType(parsing: text) == nil)
    }

    @Test("edit distance counts a swap of neighbours as one step")
    func editDistance() {
        #expect(Suggestion.editDistance("bukcet", "bucket") == 1)
        #expect(Suggestion.editDistance("encryptoin", "encryption") == 1)
        #expect(Suggestion.didYouMean("xyz", among: ["bucket"]).isEmpty)
    }
}
