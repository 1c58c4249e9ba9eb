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
        let fields: FieldSelection?
        var testDescription: String { expression }
    }

    static let all = FieldSelection.all

    static let cases: [Case] = [
        Case(expression: "bucket.encryption.enabled && bucket.name == 'x'",
             fields: FieldSelection(["encryption": FieldSelection(["enabled"]), "name": all])),
        // has() reads the path too; a path read whole covers the longer paths under it.
        Case(expression: "has(bucket.aws.policy) && bucket.aws.policy.statements.exists(s, s.effect == 'Allow')",
             fields: FieldSelection(["aws": FieldSelection(["policy"])])),
        Case(expression: "bucket.aws.acl.size() > 0 && bucket.aws.policy.version == '1'",
             fields: FieldSelection(["aws": FieldSelection(["acl": all, "policy": FieldSelection(["version"])])])),
        Case(expression: "bucket.aws.acl.size() > 0 && f(bucket.aws)", fields: FieldSelection(["aws": all])),
        Case(expression: "bucket.tags.exists(k, k == 'env')", fields: FieldSelection(["tags"])),
        Case(expression: "[bucket].size() > 0", fields: nil),
        Case(expression: "bucket['name'] == 'x'", fields: nil),
        Case(expression: "bucket.aws['acl'] == []", fields: FieldSelection(["aws": all])),
        Case(expression: "[1].exists(bucket, bucket > 0) && bucket.public", fields: FieldSelection(["public"])),
        Case(expression: "now > timestamp('2020-01-01T00:00:00Z')", fields: FieldSelection([String]())),
    ]

    @Test("the fields read, or every field when the resource is used whole", arguments: cases)
    func fields(_ testCase: Case) throws {
        let parsed = try Parser().parse(testCase.expression)
        #expect(FieldUse.fields(of: parsed.root, resource: "bucket") == (testCase.fields ?? .all))
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

    @Test("a provider section converts only the fields selected within it")
    func sectionSelection() throws {
        var conversion = CELConversion()
        let keys = { (value: CELValue) -> [String] in
            guard case let .map(map) = value else { return [] }
            return map.entries.compactMap { if case let .string(key) = $0.key { key } else { nil } }.sorted()
        }
        let value = ModelFixtures.bucket.celValue(&conversion, fields: FieldSelection(["aws": FieldSelection(["policy"])]))
        guard case let .map(map) = value, let section = map[.string("aws")] else {
            Issue.record("no aws section in \(value)")
            return
        }
        #expect(keys(value) == ["aws"])
        #expect(keys(section) == ["policy"])
        // Selected whole, the section has every field the fixture sets (its ACL among them).
        let whole = ModelFixtures.bucket.celValue(&conversion, fields: FieldSelection(["aws"]))
        guard case let .map(wholeMap) = whole, let wholeSection = wholeMap[.string("aws")] else {
            Issue.record("no aws section in \(whole)")
            return
        }
        #expect(keys(wholeSection).contains("acl") && keys(wholeSection).contains("policy"))
    }
}
