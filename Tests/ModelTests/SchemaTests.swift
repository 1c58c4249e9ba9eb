import CEL
import Foundation
import Model
import PostureTesting
import Testing

/// The schema is what the checker trusts; these tests hold it to what the model really encodes.
@Suite("Model schema")
struct SchemaTests {
    static let model = ModelFixtures.model

    /// Every key the encoder writes is in the schema, and every schema field is written by a
    /// fully populated value — so neither can drift from the other.
    @Test("schema and encoded form agree for every kind", arguments: model.kinds.map(\.kind))
    func schemaMatchesEncoding(kind: ResourceKind) throws {
        let resource = try #require(ModelFixtures.resources[kind], "every kind of the kind list has a fixture")
        let schema = try #require(Self.model.schema(kind))
        let encoded = try encode(resource)
        var problems: [String] = []
        compare(encoded, schema, path: kind.rawValue, problems: &problems)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("field names are unique within each record")
    func uniqueFieldNames() {
        func check(_ schema: ObjectSchema) {
            let names = schema.fields.map(\.name)
            #expect(Set(names).count == names.count, "duplicate field in \(schema.name)")
            for field in schema.fields { if case let .object(nested) = field.type { check(nested) } }
        }
        Self.model.kinds.compactMap { Self.model.schema($0.kind) }.forEach(check)
    }

    @Test("absent optional fields are left out of the encoding")
    func absentOptionalsAreOmitted() throws {
        var bucket = ModelFixtures.bucket
        bucket.encryption = nil
        let encoded = try encode(bucket)
        #expect(encoded["encryption"] == nil)
        #expect(encoded["name"] as? String == "logs")
    }

    @Test("a provider's section is one optional field of the kind, named after the provider")
    func sections() throws {
        let bucket = try #require(Self.model.schema(.bucket))
        let aws = try #require(bucket.field(named: "aws"))
        #expect(aws.optional)
        guard case let .object(section) = aws.type else { Issue.record("aws is not a record"); return }
        #expect(section.field(named: "publicAccessBlock") != nil)
        #expect(ModelCatalog.neutral.schema(.bucket)?.field(named: "aws") == nil, "the neutral model has no provider section")
    }

    @Test("registering a provider twice, or a section on an unknown kind, is refused")
    func catalogErrors() {
        #expect(throws: CatalogError.self) { try Self.model.adding(.aws) }
        #expect(throws: CatalogError.self) {
            try ModelCatalog.neutral.adding(ModelExtension(provider: "x", profile: ProviderProfile(displayName: "X", accountType: "X"),
                                                            sections: [SectionDescriptor(Orphan.self)]))
        }
    }

    @Test("every declaration is generated: scripts/generate-model.py --check is clean")
    func generatedCodeIsCurrent() throws {
        let script = TestPaths.packageRoot().appendingPathComponent("scripts/generate-model.py").path
        let result = try ChildRun.runBlocking(["python3", script, "--check"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    private func compare(_ value: [String: Any], _ schema: ObjectSchema, path: String, problems: inout [String]) {
        for key in value.keys where schema.field(named: key) == nil {
            problems.append("\(path).\(key) is encoded but not in the schema")
        }
        for field in schema.fields {
            guard let child = value[field.name] else {
                problems.append("\(path).\(field.name) is in the schema but not encoded by the fixture")
                continue
            }
            compare(child, field.type, path: "\(path).\(field.name)", problems: &problems)
        }
    }

    private func compare(_ value: Any, _ type: FieldType, path: String, problems: inout [String]) {
        switch type {
        case let .object(schema):
            guard let object = value as? [String: Any] else { problems.append("\(path) should be an object"); return }
            compare(object, schema, path: path, problems: &problems)
        case let .list(element):
            guard let list = value as? [Any], let first = list.first else { problems.append("\(path) should be a non-empty list in the fixture"); return }
            compare(first, element, path: "\(path)[0]", problems: &problems)
        case let .map(element):
            guard let map = value as? [String: Any], let first = map.values.first else { problems.append("\(path) should be a non-empty map in the fixture"); return }
            compare(first, element, path: "\(path).*", problems: &problems)
        case .string, .timestamp, .enumeration:
            if !(value is String) { problems.append("\(path) should encode as a string") }
            if case let .enumeration(allowed) = type, let text = value as? String, !allowed.contains(text) {
                problems.append("\(path) value '\(text)' is not among \(allowed)")
            }
        case .bool:
            if !(value is Bool) { problems.append("\(path) should be a bool") }
        case .int, .double:
            if !(value is NSNumber) { problems.append("\(path) should be a number") }
        }
    }
}

/// A section on a kind no catalogue has.
private struct Orphan: ResourceSection {
    static let kind: ResourceKind = "nothing"
    static let provider: ProviderID = "x"
    init() {}
    static let schema = ObjectSchema("orphan", [])
    func celValue(_: inout CELConversion) -> CELValue { .null }
}

private func encode<T: Encodable>(_ value: T) throws -> [String: Any] {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    let data = try encoder.encode(value)
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
}
