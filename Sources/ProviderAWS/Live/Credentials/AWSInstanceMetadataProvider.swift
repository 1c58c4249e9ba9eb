import Foundation
import HTTP

/// EC2 instance role credentials from the instance metadata service (botocore
/// `InstanceMetadataFetcher`): PUT `/latest/api/token` for an IMDSv2 session token, then
/// GET `/latest/meta-data/iam/security-credentials/` for the role name and GET that role's JSON,
/// both with `X-aws-ec2-metadata-token`.
///
/// As botocore, a token answer of 403, 404 or 405 (IMDSv2 not offered) falls back to IMDSv1
/// (no token) unless `AWS_EC2_METADATA_V1_DISABLED=true`. The transport should use short
/// timeouts (`HTTPClientConfiguration.instanceMetadata`), so that a laptop fails fast.
public struct AWSInstanceMetadataProvider: AWSCredentialProvider {
    public let endpoint: String
    public let allowIMDSv1: Bool
    let transport: any HTTPTransport

    public static let defaultEndpoint = "http://169.254.169.254"
    static let ipv6Endpoint = "http://[fd00:ec2::254]"

    /// - Returns: nil when `AWS_EC2_METADATA_DISABLED=true`.
    public static func fromEnvironment(_ environment: [String: String], profile: AWSProfile?,
                                       transport: any HTTPTransport) -> AWSInstanceMetadataProvider? {
        func setting(_ variable: String, _ key: String) -> String? { environment[variable] ?? profile?[key] }
        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" { return nil }
        let mode = setting("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ec2_metadata_service_endpoint_mode")?.lowercased()
        let endpoint = setting("AWS_EC2_METADATA_SERVICE_ENDPOINT", "ec2_metadata_service_endpoint")
            ?? (mode == "ipv6" ? ipv6Endpoint : defaultEndpoint)
        let v1Disabled = setting("AWS_EC2_METADATA_V1_DISABLED", "ec2_metadata_v1_disabled")?.lowercased() == "true"
        return AWSInstanceMetadataProvider(endpoint: endpoint, allowIMDSv1: !v1Disabled, transport: transport)
    }

    public init(endpoint: String = defaultEndpoint, allowIMDSv1: Bool = true, transport: any HTTPTransport) {
        self.endpoint = endpoint
        self.allowIMDSv1 = allowIMDSv1
        self.transport = transport
    }

    public func credentials() async throws(AWSCredentialError) -> AWSCredentials {
        let token = try await sessionToken()
        let roles = try await get("latest/meta-data/iam/security-credentials/", token: token)
        guard let role = String(decoding: roles, as: UTF8.self).split(whereSeparator: \.isNewline).first
            .map({ $0.trimmingCharacters(in: .whitespaces) }), !role.isEmpty else {
            throw AWSCredentialError(.retrievalFailed, context, "the instance has no IAM role attached")
        }
        let body = try await get("latest/meta-data/iam/security-credentials/\(role)", token: token)
        return try MetadataCredentialsDocument.credentials(from: body, context: context, source: "instance metadata (role \(role))")
    }

    var context: String { "instance metadata \(endpoint)" }

    private func url(_ path: String) -> String {
        endpoint.hasSuffix("/") ? endpoint + path : endpoint + "/" + path
    }

    /// The IMDSv2 token, or nil to go on without one (IMDSv1).
    private func sessionToken() async throws(AWSCredentialError) -> String? {
        let request = HTTPRequest(method: "PUT", url: url("latest/api/token"),
                                  headers: [HTTPHeader("X-aws-ec2-metadata-token-ttl-seconds", "21600")],
                                  label: "instance metadata token")
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            // Unreachable: not on EC2 (or IMDS blocked). Trying IMDSv1 would only wait again.
            throw AWSCredentialError(.retrievalFailed, context, "not reachable: \(error.message)")
        }
        switch response.status {
        case 200:
            let token = String(decoding: response.body, as: UTF8.self)
            guard !token.isEmpty else { throw AWSCredentialError(.retrievalFailed, context, "answered an empty token") }
            return token
        case 403 where allowIMDSv1, 404 where allowIMDSv1, 405 where allowIMDSv1:
            return nil
        default:
            throw AWSCredentialError(.retrievalFailed, context, "token request answered HTTP \(response.status)"
                                     + (allowIMDSv1 ? "" : " and IMDSv1 is disabled"))
        }
    }

    private func get(_ path: String, token: String?) async throws(AWSCredentialError) -> Data {
        let headers = token.map { [HTTPHeader("X-aws-ec2-metadata-token", $0)] } ?? []
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(method: "GET", url: url(path), headers: headers,
                                                            label: "instance metadata /\(path)"))
        } catch {
            throw AWSCredentialError(.retrievalFailed, context, error.message)
        }
        guard response.status == 200, !response.body.isEmpty else {
            throw AWSCredentialError(.retrievalFailed, context, "GET /\(path) answered HTTP \(response.status)")
        }
        return response.body
    }
}

extension HTTPClientConfiguration {
    /// For the container and instance metadata endpoints: 1 s to connect, 2 attempts, a few
    /// seconds in all, so that a machine without them fails fast (botocore: 1 s, 1 attempt).
    public static var instanceMetadata: HTTPClientConfiguration {
        var configuration = HTTPClientConfiguration()
        configuration.concurrency = 2
        configuration.connectTimeout = 1
        configuration.attemptTimeout = 2
        configuration.totalTimeout = 5
        configuration.maxAttempts = 2
        configuration.backoffBase = 0.1
        configuration.backoffCap = 0.5
        return configuration
    }
}
