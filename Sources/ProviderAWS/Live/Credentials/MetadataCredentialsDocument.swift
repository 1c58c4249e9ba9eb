import Foundation

/// The JSON that the ECS container endpoint and EC2 instance metadata both answer with.
struct MetadataCredentialsDocument: Decodable {
    var AccessKeyId: String?
    var SecretAccessKey: String?
    var Token: String?
    var Expiration: String?

    /// Decodes and checks the fields botocore requires; errors never quote the body.
    static func credentials(from body: Data, context: String, source: String) throws(AWSCredentialError) -> AWSCredentials {
        guard let document = try? JSONDecoder().decode(MetadataCredentialsDocument.self, from: body) else {
            throw AWSCredentialError(.retrievalFailed, context, "the answer is not a JSON credentials object")
        }
        guard let accessKey = document.AccessKeyId, !accessKey.isEmpty,
              let secretKey = document.SecretAccessKey, !secretKey.isEmpty else {
            throw AWSCredentialError(.retrievalFailed, context, "the answer lacks AccessKeyId or SecretAccessKey")
        }
        guard let token = document.Token, !token.isEmpty else {
            throw AWSCredentialError(.retrievalFailed, context, "the answer lacks Token")
        }
        guard let text = document.Expiration, let expiration = AWSTimestamp.parse(text) else {
            throw AWSCredentialError(.retrievalFailed, context, "the answer lacks a valid Expiration")
        }
        return AWSCredentials(accessKeyId: accessKey, secretAccessKey: secretKey, sessionToken: token,
                              expiration: expiration, source: source)
    }
}
