/// `aws kms get-key-rotation-status --key-id <id>` output.
struct KMSKeyRotationStatus: Codable, Sendable {
    var keyRotationEnabled: Bool?
    var keyId: String?

    enum CodingKeys: String, CodingKey { case keyRotationEnabled = "KeyRotationEnabled", keyId = "KeyId" }
}
