import CEL
import Model
@testable import PolicyEngine
import PostureTesting
import Testing

/// Only the fields a policy reads are converted; these cases say which fields an expression reads.
@Suite("Fields an expression reads")
struct FieldUseTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let expression: String
        /// nil: every field.
        let fields: [String]?
        var testDescription: String { expression }
    }

    static let cases: [Case] = [
        Case(expression: "bucket.encryption.enabled && bucket.name == 'x'", fields: ["encryption", "name"]),
        Case(expression: "has(bucket.aws.policy) && bucket.aws.policy.statements.exists(s, s.effect == 'Allow')", fields: ["aws"]),
        Case(expression: "bucket.tags.exists(k, k == 'env')", fields: ["tags"]),
        Case(expression: "[bucket].size() > 0", fields: nil),
        Case(expression: "bucket['name'] == 'x'", fields: nil),
        Case(expression: "[1].exists(bucket, bucket > 0) && bucket.public", fields: ["public"]),
        Case(expression: "now > timestamp('2020-01-01T00:00:00Z')", fields: []),
    ]

    @Test("the fields read, or every field when the resource is used whole", arguments: cases)
    func fields(_ testCase: Case) throws {
        let parsed = try Parser().parse(testCase.expression)
        let expected = testCase.fields.map { FieldSelection($0) } ?? .all
        #expect(FieldUse.fields(of: parsed.root, resource: "bucket") == expected)
    }

    @Test("a conversion with a selection holds only the selected fields")
    func selection() {
        var conversion = CELConversion()
        guard case let .map(map) = ModelFixtures.bucket.celValue(&conversion, fields: FieldSelection(["name", "aws"])) else {
            Issue.record("not a map")
            return
        }
        #expect(map.entries.compactMap { if case let .string(key) = $0.key { key } else { nil } }.sorted() == ["aws", "name"])
    }
}
