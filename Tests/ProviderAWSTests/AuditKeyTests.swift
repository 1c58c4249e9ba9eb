import Foundation
import Model
@testable import ProviderAWS
import SourceText
import Testing

@Suite("KMS keys")
struct AuditKeyTests {
    static let account = "111122223333"
    static func arn(_ id: String) -> String { "arn:aws:kms:us-east-1:\(account):key/\(id)" }
    static func describe(_ id: String, manager: String, spec: String = "SYMMETRIC_DEFAULT", state: String = "Enabled", created: String = "1502910355.475") -> String {
        #"{"KeyMetadata": {"AWSAccountId": "\#(account)", "KeyId": "\#(id)", "Arn": "\#(arn(id))", "CreationDate": \#(created), "Enabled": true, "KeyUsage": "ENCRYPT_DECRYPT", "KeyState": "\#(state)", "Origin": "AWS_KMS", "KeyManager": "\#(manager)", "KeySpec": "\#(spec)", "CustomerMasterKeySpec": "\#(spec)"}}"#
    }

    private func bundle() -> AuditSnapshot {
        var snapshot = AuditSnapshot()
        snapshot.add(.listKeys, #"{"Keys": [{"KeyId": "c1", "KeyArn": "\#(Self.arn("c1"))"}, {"KeyId": "a1", "KeyArn": "\#(Self.arn("a1"))"}, {"KeyId": "r1", "KeyArn": "\#(Self.arn("r1"))"}]}"#)
        snapshot.add(.describeKey, Self.describe("c1", manager: "CUSTOMER"), subject: "c1")
        snapshot.add(.describeKey, Self.describe("a1", manager: "AWS", created: #""2023-03-09 10:41:45+00:00""#), subject: "a1")
        snapshot.add(.describeKey, Self.describe("r1", manager: "CUSTOMER", spec: "RSA_2048"), subject: "r1")
        snapshot.add(.getKeyRotationStatus, #"{"KeyRotationEnabled": false, "KeyId": "\#(Self.arn("c1"))"}"#, subject: "c1")
        snapshot.add(.getKeyRotationStatus, #"{"KeyRotationEnabled": true}"#, subject: "a1")
        snapshot.add(.getKeyRotationStatus, #"{"Error": {"Code": "UnsupportedOperationException", "Message": "asymmetric"}}"#, subject: "r1")
        return snapshot
    }

    @Test("customer and AWS keys, their state, spec, creation date and rotation")
    func keys() throws {
        let inventory = bundle().normalize()
        #expect(inventory.collectionErrors.isEmpty)
        #expect(inventory.keys.map(\.name) == ["c1", "a1", "r1"])
        let customer = try #require(inventory.auditKey("c1"))
        #expect(customer.id == Self.arn("c1"))
        #expect(customer.manager == .customer)
        #expect(customer.rotationEnabled == false)
        #expect(customer.state == "Enabled")
        #expect(customer.spec == "SYMMETRIC_DEFAULT")
        #expect(customer.region == "us-east-1")
        #expect(customer.account == Self.account)
        #expect(customer.created == Date(timeIntervalSince1970: 1_502_910_355.475))
        let provider = try #require(inventory.auditKey("a1"))
        #expect(provider.manager == .provider)
        #expect(provider.rotationEnabled == true)
        #expect(provider.created == RFC3339.parse("2023-03-09T10:41:45Z"))
        // Rotation does not apply to asymmetric keys: absent, and not an error.
        let asymmetric = try #require(inventory.auditKey("r1"))
        #expect(asymmetric.spec == "RSA_2048")
        #expect(asymmetric.rotationEnabled == nil)
        #expect(inventory.auditAccount(Self.account)?.coverage == ["kms"])
    }

    @Test("a customer key whose rotation was not collected has rotationEnabled absent")
    func rotationNotCollected() {
        var snapshot = AuditSnapshot()
        snapshot.add(.describeKey, Self.describe("c2", manager: "CUSTOMER"), subject: "c2")
        let inventory = snapshot.normalize()
        #expect(inventory.keys.count == 1)
        #expect(inventory.keys.first?.rotationEnabled == nil)
    }

    @Test("a listed key that was not described cannot be classified: left out, kms not covered")
    func undescribedKey() {
        var snapshot = bundle()
        snapshot.add(.listKeys, #"{"Keys": [{"KeyId": "x9"}]}"#, region: "eu-west-1")
        let inventory = snapshot.normalize()
        #expect(inventory.keys.count == 3)
        #expect(inventory.auditAccount(Self.account)?.coverage == [])
        #expect(inventory.auditAccount(Self.account)?.regions == ["eu-west-1", "us-east-1"])
    }

    @Test("describe-key AccessDenied is an error; NotFoundException (deleted since listing) is data")
    func describeErrors() {
        var denied = bundle()
        denied.raw.documents.removeAll { $0.call == .describeKey && $0.subject == "c1" }
        denied.add(.describeKey, #"{"Error": {"Code": "AccessDeniedException", "Message": "no"}}"#, subject: "c1")
        let deniedInventory = denied.normalize()
        #expect(deniedInventory.collectionErrors.map(\.code) == ["AccessDeniedException"])
        #expect(deniedInventory.collectionErrors.first?.dataSet == "kms")
        #expect(deniedInventory.auditAccount(Self.account)?.coverage == [])

        var gone = bundle()
        gone.raw.documents.removeAll { $0.call == .describeKey && $0.subject == "c1" }
        gone.add(.describeKey, #"{"Error": {"Code": "NotFoundException", "Message": "gone"}}"#, subject: "c1")
        let goneInventory = gone.normalize()
        #expect(goneInventory.collectionErrors.isEmpty)
        #expect(goneInventory.keys.map(\.name) == ["a1", "r1"])
        #expect(goneInventory.auditAccount(Self.account)?.coverage == ["kms"])
    }

    @Test("wrong types in KMS answers are errors with their JSON path")
    func wrongTypes() {
        var snapshot = AuditSnapshot()
        snapshot.add(.listKeys, #"{"Keys": "c1"}"#)
        snapshot.add(.describeKey, #"{"KeyMetadata": {"KeyId": "c1", "KeyManager": 5}}"#, subject: "c1")
        snapshot.add(.getKeyRotationStatus, #"{"KeyRotationEnabled": "true"}"#, subject: "c1")
        let messages = snapshot.normalize().collectionErrors.map(\.message)
        #expect(messages.contains { $0.hasPrefix("$.Keys") })
        #expect(messages.contains { $0.hasPrefix("$.KeyMetadata.KeyManager") })
        #expect(messages.contains { $0.hasPrefix("$.KeyRotationEnabled") })
    }
}
