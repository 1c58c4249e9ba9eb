/// `aws kms list-keys` output for one region (pages merged).
struct KMSKeyList: Codable, Sendable {
    var keys: [Entry]?

    enum CodingKeys: String, CodingKey { case keys = "Keys" }

    struct Entry: Codable, Sendable {
        var keyId: String?
        var keyArn: String?

        enum CodingKeys: String, CodingKey { case keyId = "KeyId", keyArn = "KeyArn" }
    }
}
