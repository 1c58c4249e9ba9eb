import Foundation

/// `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN` (or the legacy
/// `AWS_SECURITY_TOKEN`), as botocore's `EnvProvider`: configured when the access key id is set
/// and non-empty; then a missing secret is an error, not a reason to look further.
public enum AWSEnvironmentCredentials {
    /// - Returns: nil when `AWS_ACCESS_KEY_ID` is unset or empty.
    /// - Throws: `.partialCredentials` when one half of the pair is missing.
    public static func load(_ environment: [String: String]) throws(AWSCredentialError) -> AWSCredentials? {
        let accessKey = environment["AWS_ACCESS_KEY_ID"] ?? ""
        let secretKey = environment["AWS_SECRET_ACCESS_KEY"] ?? ""
        if accessKey.isEmpty {
            // botocore ignores a lone secret; a scanner should not: the user meant something.
            if !secretKey.isEmpty {
                throw AWSCredentialError(.partialCredentials, "environment",
                                         "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
            }
            return nil
        }
        guard !secretKey.isEmpty else {
            throw AWSCredentialError(.partialCredentials, "environment",
                                     "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        }
        // botocore checks AWS_SECURITY_TOKEN first, then AWS_SESSION_TOKEN.
        let token = [environment["AWS_SECURITY_TOKEN"], environment["AWS_SESSION_TOKEN"]]
            .compactMap { $0 }.first { !$0.isEmpty }
        var expiration: Date?
        if let text = environment["AWS_CREDENTIAL_EXPIRATION"], !text.isEmpty {
            guard let date = AWSTimestamp.parse(text) else {
                throw AWSCredentialError(.invalidConfiguration, "environment",
                                         "AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time")
            }
            expiration = date
        }
        return AWSCredentials(accessKeyId: accessKey, secretAccessKey: secretKey, sessionToken: token,
                              expiration: expiration, source: "environment")
    }
}
