import Foundation

/// `aws kms describe-key --key-id <id>` output.
struct KMSDescribeKey: Codable, Sendable {
    var keyMetadata: KMSKeyMetadata?

    enum CodingKeys: String, CodingKey { case keyMetadata = "KeyMetadata" }
}

/// A key's metadata (sparse).
struct KMSKeyMetadata: Codable, Sendable {
    var awsAccountId: String?
    var keyId: String?
    var arn: String?
    var creationDate: Date?
    /// `Enabled`, `Disabled`, `PendingDeletion`, `PendingImport`, `Unavailable`, ….
    var keyState: String?
    /// `CUSTOMER` or `AWS`.
    var keyManager: String?
    var keySpec: String?
    /// The older name of `KeySpec`, still printed beside it.
    var customerMasterKeySpec: String?
    /// `AWS_KMS`, `EXTERNAL`, `AWS_CLOUDHSM`, `EXTERNAL_KEY_STORE`.
    var origin: String?

    enum CodingKeys: String, CodingKey {
        case awsAccountId = "AWSAccountId", keyId = "KeyId", arn = "Arn", creationDate = "CreationDate", keyState = "KeyState"
        case keyManager = "KeyManager", keySpec = "KeySpec", customerMasterKeySpec = "CustomerMasterKeySpec", origin = "Origin"
    }
}
