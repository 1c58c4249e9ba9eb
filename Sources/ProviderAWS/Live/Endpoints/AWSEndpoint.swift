import Foundation
import HTTP

/// Where to send one service's requests and how to sign them.
public struct AWSEndpoint: Sendable, Equatable {
    /// `scheme://host[:port][/path]`, no trailing slash: request paths are appended to it.
    public var baseURL: String
    /// The SigV4 region (`us-east-1` for IAM in the `aws` partition, whatever region is asked).
    public var signingRegion: String
    /// The SigV4 service name (`s3` for S3 Control).
    public var signingName: String
    /// True when the URL came from `--endpoint-url`, the environment or the profile.
    public var isCustom: Bool
    /// Headers every request to this endpoint must carry (S3 Control's `x-amz-account-id`).
    public var headers: [HTTPHeader]

    public init(baseURL: String, signingRegion: String, signingName: String, isCustom: Bool, headers: [HTTPHeader] = []) {
        self.baseURL = baseURL
        self.signingRegion = signingRegion
        self.signingName = signingName
        self.isCustom = isCustom
        self.headers = headers
    }

    /// The request URL for a path below the base URL and query items, percent-encoded with the
    /// same RFC 3986 rules the signer's canonical form uses (space `%20`, never `+`).
    /// - Parameters:
    ///   - path: Unencoded, `""` for the base URL itself or starting with `/`; `/` separates
    ///     segments, every other byte outside `A-Z a-z 0-9 - . _ ~` is encoded (an S3 key
    ///     `a b/ሴ` becomes `a%20b/%E1%88%B4`).
    ///   - query: Items in the order given; an item with a nil value is written as its bare
    ///     name (S3's `?policy`).
    /// - Returns: The URL; its path is `/` when both base path and `path` are empty.
    public func url(path: String = "", query: [URLQueryItem] = []) -> String {
        var url = baseURL + PercentEncoding.encode(path, keepingSlash: true)
        if !Self.hasPath(url) { url += "/" }
        if !query.isEmpty {
            url += "?"
            url += query.map { item in
                PercentEncoding.encode(item.name) + (item.value.map { "=" + PercentEncoding.encode($0) } ?? "")
            }.joined(separator: "&")
        }
        return url
    }

    /// A signer for this endpoint's signing name and region, with the SDKs' options for it.
    public func signer() -> SigV4Signer {
        SigV4Signer(service: signingName, region: signingRegion)
    }

    private static func hasPath(_ url: String) -> Bool {
        guard let schemeEnd = url.range(of: "://") else { return true }
        return url[schemeEnd.upperBound...].contains("/")
    }
}
