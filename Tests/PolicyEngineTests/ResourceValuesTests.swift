import CEL
import Model
@testable import PolicyEngine
import PostureTesting
import Testing

/// The fast field-by-field conversion must say exactly what the `Encodable` reference says.
@Suite("Resources as CEL values")
struct ResourceValuesTests {
    @Test("field-by-field conversion equals the Encodable reference for every kind", arguments: ResourceKind.allCases)
    func matchesReference(kind: ResourceKind) throws {
        var values = ResourceValues()
        let resource: any Resource = switch kind {
        case .account: ModelFixtures.account
        case .identity: ModelFixtures.identity
        case .bucket: ModelFixtures.bucket
        case .trail: ModelFixtures.trail
        case .key: ModelFixtures.key
        }
        let fast = values.value(of: resource)
        let reference = try CELValueEncoder.encode(resource)
        #expect(fast == reference, "\(CELValueFormatter.json(fast))\n!=\n\(CELValueFormatter.json(reference))")
    }

    @Test("absent optional fields are absent keys")
    func absentFields() {
        var values = ResourceValues()
        var bucket = ModelFixtures.bucket
        bucket.encryption = nil
        guard case let .map(map) = values.value(of: bucket) else { Issue.record("not a map"); return }
        #expect(map["encryption"] == nil)
        #expect(map["name"] == .string("logs"))
    }
}
