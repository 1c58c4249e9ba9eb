/// `aws cloudtrail get-trail-status --name <trail>` output. Only `IsLogging` is read: the
/// time members come in several shapes (empty strings, dates) and are not needed.
struct CloudTrailTrailStatus: Codable, Sendable {
    var isLogging: Bool?

    enum CodingKeys: String, CodingKey { case isLogging = "IsLogging" }
}
