import CEL
import Model
@testable import PolicyEngine
import PostureTesting
import Testing

/// The generated field-by-field conversion (and AttachedPolicy's hand-written one) must say
/// exactly what the `Encodable` reference says, for every kind of the kind list.
@Suite("Resources as CEL values")
struct CELConversionTests {
    @Test("field-by-field conversion equals the Encodable reference for every kind", arguments: ModelFixtures.model.kinds.map(\.kind))
    func matchesReference(kind: ResourceKind) throws {
        let resource = try #require(ModelFixtures.resources[kind], "no fixture for \(kind)")
        var conversion = CELConversion()
        let fast = resource.celValue(&conversion)
        let reference = try CELValueEncoder.encode(resource)
        #expect(fast == reference, "\(CELValueFormatter.json(fast))\n!=\n\(CELValueFormatter.json(reference))")
    }

    @Test("absent optional fields are absent keys; the provider section is its provider's field")
    func absentFields() {
        var bucket = ModelFixtures.bucket
        bucket.encryption = nil
        guard case let .map(map) = bucket.celValue else { Issue.record("not a map"); return }
        #expect(map["encryption"] == nil)
        #expect(map["name"] == .string("logs"))
        guard case let .map(aws)? = map["aws"] else { Issue.record("no aws section"); return }
        #expect(aws["bucketKeyEnabled"] == .bool(true))
    }

    @Test("a managed policy's document is converted once per conversion and shared")
    func sharedDocuments() {
        var conversion = CELConversion()
        _ = ModelFixtures.identity.celValue(&conversion)
        #expect(conversion.documents.keys.sorted() == ["arn:aws:iam::aws:policy/AdministratorAccess"])
    }
}
