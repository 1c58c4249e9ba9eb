/// Why a region or endpoint could not be resolved. Each message names the bad value and where
/// it came from (`--region`, `AWS_ENDPOINT_URL_S3`, the profile).
public struct AWSEndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case invalidRegion(value: String, source: String)
        case emptyRegionList(source: String)
        case invalidEndpointURL(value: String, source: String, reason: String)
        case invalidAccountId(value: String)
    }

    private let code: Code

    static func invalidRegion(_ value: String, source: String) -> AWSEndpointError {
        AWSEndpointError(code: .invalidRegion(value: value, source: source))
    }

    static func emptyRegionList(source: String) -> AWSEndpointError {
        AWSEndpointError(code: .emptyRegionList(source: source))
    }

    static func invalidEndpointURL(_ value: String, source: String, reason: String) -> AWSEndpointError {
        AWSEndpointError(code: .invalidEndpointURL(value: CustomEndpointURL.redactingUserInfo(value), source: source, reason: reason))
    }

    static func invalidAccountId(_ value: String) -> AWSEndpointError {
        AWSEndpointError(code: .invalidAccountId(value: value))
    }

    /// The value that was refused (a user-info part of a URL shows as `(redacted)`).
    public var value: String {
        switch code {
        case let .invalidRegion(value, _), let .invalidEndpointURL(value, _, _), let .invalidAccountId(value): return value
        case .emptyRegionList: return ""
        }
    }

    public var description: String {
        switch code {
        case let .invalidRegion(value, source):
            return "invalid region '\(value)' (from \(source)): expected a region name such as us-east-1 or eu-central-1"
        case let .emptyRegionList(source):
            return "no region given in \(source): expected 'all' or a comma-separated list such as us-east-1,eu-west-1"
        case let .invalidEndpointURL(value, source, reason):
            return "invalid endpoint URL '\(value)' (from \(source)): \(reason)"
        case let .invalidAccountId(value):
            return "invalid account id '\(value)' for S3 Control: expected 12 digits"
        }
    }
}
