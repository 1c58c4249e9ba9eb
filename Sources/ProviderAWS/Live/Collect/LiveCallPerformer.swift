import Foundation

/// One API request as the collector plans it, before endpoints, wire format and signing.
public struct LiveRequest: Sendable, Hashable {
    public var operation: LiveOperation
    public var region: String
    /// Input members by their model names (`Bucket`, `KeyId`, `includeShadowTrails`).
    public var parameters: [String: String]
    /// Follow `NextToken`/`Marker` pages and merge them into one document, as the CLI does.
    public var allPages: Bool

    public init(_ operation: LiveOperation, region: String, parameters: [String: String] = [:], allPages: Bool = false) {
        self.operation = operation
        self.region = region
        self.parameters = parameters
        self.allPages = allPages
    }
}

/// What a request came back with: the JSON document the AWS CLI would print, or an error.
public enum LiveAnswer: Sendable {
    case document(Data)
    /// A service error (`AccessDenied`, `NoSuchBucketPolicy`), or a transport failure after
    /// retries (`code` is then posture's own: `RequestTimeout`, `ConnectionFailure`,
    /// `TLSFailure`, `CredentialsError`). `status` is the HTTP status when there was one.
    case error(code: String, message: String, status: Int?)

    public var document: Data? {
        if case let .document(data) = self { return data }
        return nil
    }

    public var errorCode: String? {
        if case let .error(code, _, _) = self { return code }
        return nil
    }
}

/// Sends planned requests: the real one signs and sends them over HTTPS; the collector's
/// logic does not know how.
public protocol LiveCallPerformer: Sendable {
    func perform(_ request: LiveRequest) async -> LiveAnswer
}
