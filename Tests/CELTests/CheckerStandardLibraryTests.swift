import Testing
@testable import CEL

/// The checker with `FunctionLibrary.standard`, on posture-shaped expressions.
struct CheckerStandardLibraryTests {
    static let environment = CELEnvironment(variables: CheckerFixtures.environment.variables, library: .standard)

    static func check(_ source: String) throws -> Result<CheckedExpression, CELDiagnostics> {
        let parsed = try Parser().parse(source)
        return Result { () throws(CELDiagnostics) in try Checker(environment: environment).check(parsed) }
    }

    @Test("standard functions type posture expressions", arguments: [
        ("size(bucket.tags) > 0 && bucket.name.size() < 64", CELType.bool),
        ("bucket.name.matches('^logs-[a-z]+$')", .bool),
        ("bucket.sizeBytes > 1.5", .bool),
        ("bucket.sizeBytes / 1024", .int),
        ("double(bucket.sizeBytes) / 1024.0", .double),
        ("'env' in bucket.tags && bucket.tags['env'] == 'prod'", .bool),
        ("bucket.policies.exists(p, 's3:*' in p.actions)", .bool),
        ("bucket.policies.filter(p, p.public).size()", .int),
        ("bucket.name + '-' + string(bucket.sizeBytes)", .string),
        ("bucket.extra.anything.goes", .dyn),
    ])
    func acceptsPostureExpression(_ source: String, _ type: CELType) throws {
        switch try Self.check(source) {
        case let .success(checked): #expect(checked.resultType == type)
        case let .failure(failure): Issue.record("\(source): \(failure)")
        }
    }

    @Test("standard functions reject mistakes", arguments: [
        ("bucket.sizeBytes + 1.5 > 0", "no-matching-overload"),
        ("size(bucket.sizeBytes) > 0", "no-matching-overload"),
        ("bucket.name.contains()", "wrong-arity"),
        ("bucket.name.matches('a(?=b)')", "invalid-argument"),
        ("bucket.name.lenght() > 3", "undeclared-function"),
    ])
    func rejectsMistake(_ source: String, _ code: String) throws {
        guard case let .failure(failure) = try Self.check(source) else {
            Issue.record("expected \(code) for \(source)")
            return
        }
        #expect(failure.diagnostics.first?.code == code, "\(failure)")
    }
}
