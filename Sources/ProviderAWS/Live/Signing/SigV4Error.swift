/// Why a request could not be signed. Carries the request's label, never a header or secret.
public struct SigV4Error: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case urlWithoutHost
        case emptyCredentials
    }

    private let code: Code
    /// The request's label (`iam:ListUsers us-east-1`).
    public let label: String

    /// The URL has no `scheme://host` part, so there is no host to sign.
    static func urlWithoutHost(label: String) -> SigV4Error { SigV4Error(code: .urlWithoutHost, label: label) }
    /// The access key id or secret is empty.
    static func emptyCredentials(label: String) -> SigV4Error { SigV4Error(code: .emptyCredentials, label: label) }

    public var description: String {
        switch code {
        case .urlWithoutHost: return "\(label): cannot sign: the request URL has no scheme://host part"
        case .emptyCredentials: return "\(label): cannot sign: the access key id or secret access key is empty"
        }
    }
}
