import Foundation
import HTTP

/// ECS / EKS Pod Identity container credentials (botocore `ContainerProvider`):
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` on `http://169.254.170.2`, or
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI` (https, or http to a loopback or the ECS/EKS hosts),
/// with `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (re-read on every call) or
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN` sent as `Authorization`.
public struct AWSContainerCredentialProvider: AWSCredentialProvider {
    public let url: String
    let tokenFile: String?
    let token: String?
    let transport: any HTTPTransport

    /// The ECS agent's link-local address that relative URIs are resolved against.
    public static let relativeBase = "http://169.254.170.2"
    /// Hosts botocore accepts over plain http besides loopback addresses.
    static let allowedHTTPHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23", "localhost"]

    /// - Returns: nil when neither URI variable is set.
    /// - Throws: `.invalidConfiguration` for a full URI that is neither https nor a permitted host.
    public static func fromEnvironment(_ environment: [String: String], transport: any HTTPTransport,
                                       relativeBase: String = relativeBase) throws(AWSCredentialError) -> AWSContainerCredentialProvider? {
        let url: String
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] {
            url = relativeBase + relative
        } else if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] {
            try validate(full)
            url = full
        } else {
            return nil
        }
        return AWSContainerCredentialProvider(url: url, tokenFile: environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"],
                                              token: environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"], transport: transport)
    }

    static func validate(_ full: String) throws(AWSCredentialError) {
        let context = "environment (AWS_CONTAINER_CREDENTIALS_FULL_URI)"
        guard let components = URLComponents(string: full), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            throw AWSCredentialError(.invalidConfiguration, context, "is not a URL")
        }
        if scheme == "https" { return }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        guard scheme == "http", isLoopback(bare) || allowedHTTPHosts.contains(bare) else {
            throw AWSCredentialError(.invalidConfiguration, context,
                                     "host '\(host)' is not allowed over http: use https, a loopback address or 169.254.170.2")
        }
    }

    /// 127.0.0.0/8 and ::1, as Python's `ip_address(host).is_loopback`.
    static func isLoopback(_ host: String) -> Bool {
        if host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { UInt8($0) != nil } && octets[0] == "127"
    }

    public func credentials() async throws(AWSCredentialError) -> AWSCredentials {
        let context = "container credentials \(url)"
        var headers = [HTTPHeader("Accept", "application/json")]
        var authorization = token
        if let tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile) else {
                throw AWSCredentialError(.retrievalFailed, context,
                                         "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(tokenFile) cannot be read")
            }
            authorization = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let authorization {
            guard !authorization.contains("\r"), !authorization.contains("\n") else {
                throw AWSCredentialError(.invalidConfiguration, context, "the authorization token is not a legal header value")
            }
            headers.append(HTTPHeader("Authorization", authorization))
        }
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(method: "GET", url: url, headers: headers, label: "container credentials"))
        } catch {
            throw AWSCredentialError(.retrievalFailed, context, error.message)
        }
        guard response.status == 200 else {
            throw AWSCredentialError(.retrievalFailed, context, "answered HTTP \(response.status)")
        }
        return try MetadataCredentialsDocument.credentials(from: response.body, context: context, source: "container")
    }
}
