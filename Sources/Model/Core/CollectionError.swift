/// Something a scan tried to read and could not: an unreadable snapshot file, a failed API
/// call, an error answer such as AccessDenied. It makes the scan *incomplete*; the policies
/// that needed the data report *not assessed* for the affected account.
public struct CollectionError: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The file (with JSON path or line where known) or the API call (`s3:GetBucketPolicy`).
    public var source: String
    public var account: String?
    public var region: String?
    /// The data set left incomplete, e.g. `s3`.
    public var dataSet: String?
    /// The provider's error code (`AccessDenied`), or the HTTP status as text.
    public var code: String?
    public var message: String

    public init(source: String, account: String? = nil, region: String? = nil, dataSet: String? = nil, code: String? = nil, message: String) {
        self.source = source
        self.account = account
        self.region = region
        self.dataSet = dataSet
        self.code = code
        self.message = message
    }

    /// `source: region: code: message`. The region is left out when the source already names
    /// it, as a live call's does (`s3:GetBucketPolicy eu-west-1 my-bucket`).
    public var description: String {
        var parts = [source]
        if let region, !source.split(separator: " ").contains(Substring(region)) { parts.append(region) }
        if let code { parts.append(code) }
        return parts.joined(separator: ": ") + ": " + message
    }
}
