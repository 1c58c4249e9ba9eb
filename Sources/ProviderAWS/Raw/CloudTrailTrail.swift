/// `aws cloudtrail describe-trails` output: the trails visible from one region. Without
/// `--no-include-shadow-trails` a multi-region trail appears in every region's answer.
struct CloudTrailDescribeTrails: Codable, Sendable {
    var trailList: [CloudTrailTrail]?
}

/// One trail as `describe-trails` prints it (sparse: the members posture reads).
struct CloudTrailTrail: Codable, Sendable {
    var name: String?
    var trailARN: String?
    var homeRegion: String?
    var isMultiRegionTrail: Bool?
    var isOrganizationTrail: Bool?
    var logFileValidationEnabled: Bool?
    var kmsKeyId: String?
    var cloudWatchLogsLogGroupArn: String?
    var s3BucketName: String?

    enum CodingKeys: String, CodingKey {
        case name = "Name", trailARN = "TrailARN", homeRegion = "HomeRegion", isMultiRegionTrail = "IsMultiRegionTrail"
        case isOrganizationTrail = "IsOrganizationTrail", logFileValidationEnabled = "LogFileValidationEnabled"
        case kmsKeyId = "KmsKeyId", cloudWatchLogsLogGroupArn = "CloudWatchLogsLogGroupArn", s3BucketName = "S3BucketName"
    }
}
