import Foundation

/// Something that produces AWS credentials: environment, a profile's static keys, a credential
/// process, STS, container or instance metadata.
public protocol AWSCredentialProvider: Sendable {
    /// Fetches credentials now (no caching; wrap in `AWSCachingCredentialProvider` for that).
    /// - Throws: `AWSCredentialError` naming the provider and what failed, never a secret.
    func credentials() async throws(AWSCredentialError) -> AWSCredentials
}

/// Credentials fixed at construction: environment variables, a profile's static keys.
public struct AWSStaticCredentialProvider: AWSCredentialProvider {
    public let value: AWSCredentials

    public init(_ value: AWSCredentials) { self.value = value }

    public func credentials() async throws(AWSCredentialError) -> AWSCredentials { value }
}
