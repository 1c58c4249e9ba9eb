import Foundation
import HTTP

/// An input value for a call: a scalar (converted by the member's type: `"true"` for a
/// boolean, `"50"` for an integer) or a list of scalars (CloudTrail's `trailNameList`, EC2's
/// `RegionNames`).
public enum AWSParameter: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    case scalar(String)
    case list([String])

    public init(stringLiteral value: String) { self = .scalar(value) }
    public init(arrayLiteral elements: String...) { self = .list(elements) }
}

/// A request as the protocol writes it, before the collector adds the endpoint, the host
/// (and S3's bucket addressing) and the signature.
public struct AWSWireRequest: Sendable, Equatable {
    public var method: String
    /// Path-style and percent-encoded: `/my-bucket` for S3's `/{Bucket}?acl`.
    public var path: String
    /// In order: the operation's fixed items (`acl`, value nil) first, then members; not encoded.
    public var queryItems: [(name: String, value: String?)]
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// Prepended to the endpoint host, labels filled: `123456789012.` for S3 Control.
    public var hostPrefix: String?
    /// S3: the bucket the path starts with, for virtual-hosted addressing.
    public var bucket: String?
    /// S3: the path after the bucket (`/` for bucket operations), for virtual-hosted addressing.
    public var bucketRelativePath: String?

    /// The query string as botocore writes it (`acl`, `max-buckets=10&prefix=a%2Fb`).
    public var encodedQuery: String {
        queryItems.map { item in
            item.value.map { "\(AWSWireRequest.percentEncode(item.name))=\(AWSWireRequest.percentEncode($0))" }
                ?? AWSWireRequest.percentEncode(item.name)
        }.joined(separator: "&")
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public static func == (lhs: AWSWireRequest, rhs: AWSWireRequest) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path && lhs.encodedQuery == rhs.encodedQuery
            && lhs.headers.map { "\($0.name): \($0.value)" } == rhs.headers.map { "\($0.name): \($0.value)" }
            && lhs.body == rhs.body && lhs.hostPrefix == rhs.hostPrefix && lhs.bucket == rhs.bucket
            && lhs.bucketRelativePath == rhs.bucketRelativePath
    }

    /// RFC 3986 unreserved characters stay, everything else is `%XX` (botocore's `percent_encode`):
    /// the same encoding the signer's canonical form uses, so sent and signed bytes agree.
    public static func percentEncode(_ text: String, keepSlash: Bool = false) -> String {
        PercentEncoding.encode(text, keepingSlash: keepSlash)
    }
}

/// Why a request could not be built: the parameter and what is wrong with it.
public struct AWSWireRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    public let operation: String
    public let parameter: String
    public let reason: String
    public var description: String { "\(operation): parameter \(parameter): \(reason)" }
}
