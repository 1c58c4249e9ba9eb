import Testing
@testable import CEL

/// Checker tests on real source text, through the parser: the places users will see.
struct CheckerSourceTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let source: String
        let code: String
        let line: Int
        let column: Int
        var message: String = ""
        var testDescription: String { source }
    }

    static let errors: [Case] = [
        Case(source: "bukcet.name == 'logs'", code: "undeclared-reference", line: 1, column: 1,
             message: "undeclared reference to 'bukcet'; did you mean 'bucket'?"),
        Case(source: "!bucket.encryptoin.enabled", code: "undefined-field", line: 1, column: 8,
             message: "undefined field 'encryptoin' on type 'bucket'; did you mean 'encryption'?"),
        Case(source: "bucket.name == 'logs' &&\n  !bucket.encryption.enabeld", code: "undefined-field", line: 2, column: 21,
             message: "did you mean 'enabled'?"),
        Case(source: "has(bucket.nmae)", code: "undefined-field", line: 1, column: 11),
        Case(source: "count.value > 1", code: "undefined-field", line: 1, column: 6),
        Case(source: "sise(names) > 0", code: "undeclared-function", line: 1, column: 1, message: "did you mean 'size'?"),
        Case(source: "bucket.name.startsWith('a', 'b')", code: "wrong-arity", line: 1, column: 13,
             message: "'startsWith' takes 1 argument, got 2"),
        Case(source: "startsWith(bucket.name, 'a')", code: "no-matching-overload", line: 1, column: 1),
        Case(source: "count + 'x' > 0", code: "no-matching-overload", line: 1, column: 7,
             message: "found no matching overload for '_+_' applied to '(int, string)'"),
        Case(source: "1 + 1.0 == 2.0", code: "no-matching-overload", line: 1, column: 3),
        Case(source: "bucket.name.matches('a(?=b)')", code: "invalid-argument", line: 1, column: 21),
        Case(source: "count && true", code: "type-mismatch", line: 1, column: 1),
        Case(source: "[1, 2].all(x, x > 0) && x == 1", code: "undeclared-reference", line: 1, column: 25,
             message: "undeclared reference to 'x'"),
        Case(source: "bucket.policies.exists(p,\n  p.efect == 'Allow')", code: "undefined-field", line: 2, column: 4,
             message: "did you mean 'effect'?"),
        Case(source: "names.all(n, n)", code: "type-mismatch", line: 1, column: 14),
        Case(source: "iam.actionMatchs('s3:GetObject', 's3:*')", code: "undeclared-function", line: 1, column: 5,
             message: "did you mean 'iam.actionMatches'?"),
        Case(source: "iam.actionMatches('s3:GetObject')", code: "wrong-arity", line: 1, column: 5),
        Case(source: "names.exists(count, .count.startsWith('a'))", code: "no-matching-overload", line: 1, column: 28,
             message: "applied to 'int.(string)'"),
        Case(source: "request.auth.princpal == 'x'", code: "undeclared-reference", line: 1, column: 1,
             message: "did you mean 'request.auth.principal'?"),
    ]

    @Test("mistakes in source text are reported at their line and column", arguments: errors)
    func reportsError(_ testCase: Case) throws {
        let parsed = try Parser().parse(testCase.source)
        guard case let .failure(failure) = CheckerFixtures.check(parsed) else {
            Issue.record("expected \(testCase.code)")
            return
        }
        let first = try #require(failure.diagnostics.first)
        #expect(first.code == testCase.code, "\(failure)")
        #expect(first.position.line == testCase.line, "\(failure)")
        #expect(first.position.column == testCase.column, "\(failure)")
        if !testCase.message.isEmpty {
            #expect(first.message.contains(testCase.message), "\(first.message)")
        }
    }

    static let typed: [(String, CELType)] = [
        ("bucket.encryption.algorithm", .string),
        ("!bucket.encryption.enabled", .bool),
        ("bucket.policies.exists(p, p.public && 's3:*' in p.actions)", .bool),
        ("bucket.policies.map(p, p.effect)", .list(.string)),
        ("bucket.tags.env", .string),
        ("request.auth.principal.startsWith('arn:')", .bool),
        ("iam.actionMatches('s3:GetObject', 's3:*')", .bool),
        ("[1, 2].map(x, x + 1)", .list(.int)),
        ("names.exists(count, count.startsWith('a'))", .bool),
        ("{'a': 1, 'b': 2}", .map(key: .string, value: .int)),
        ("count > 1.5", .bool),
        (".count + 1", .int),
        ("[1].exists(request, request > 0)", .bool),
        ("names.exists(count, names.exists(n, n == count)) || count > 0", .bool),
    ]

    @Test("well-typed source gets its result type", arguments: typed)
    func typesSource(_ source: String, _ type: CELType) throws {
        let parsed = try Parser().parse(source)
        switch CheckerFixtures.check(parsed) {
        case let .success(checked): #expect(checked.resultType == type)
        case let .failure(failure): Issue.record("\(failure)")
        }
    }
}
