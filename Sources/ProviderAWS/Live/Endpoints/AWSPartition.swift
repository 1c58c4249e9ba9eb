/// An AWS partition: a group of regions sharing a DNS suffix and global endpoints
/// (botocore's `partitions.json` and `endpoints.json`).
public struct AWSPartition: Sendable, Equatable {
    /// `aws`, `aws-cn`, `aws-us-gov`.
    public let id: String
    /// `amazonaws.com`, `amazonaws.com.cn`.
    public let dnsSuffix: String
    /// IAM is global: one hostname per partition, signed for one region.
    public let iamHostname: String
    public let iamSigningRegion: String

    public static let aws = AWSPartition(id: "aws", dnsSuffix: "amazonaws.com",
                                         iamHostname: "iam.amazonaws.com", iamSigningRegion: "us-east-1")
    public static let china = AWSPartition(id: "aws-cn", dnsSuffix: "amazonaws.com.cn",
                                           iamHostname: "iam.cn-north-1.amazonaws.com.cn", iamSigningRegion: "cn-north-1")
    public static let govCloud = AWSPartition(id: "aws-us-gov", dnsSuffix: "amazonaws.com",
                                              iamHostname: "iam.us-gov.amazonaws.com", iamSigningRegion: "us-gov-west-1")

    /// The partition of a region: `cn-*` is China, `us-gov-*` GovCloud, anything else `aws`
    /// (botocore's fallback for a region no partition pattern matches).
    public static func forRegion(_ region: String) -> AWSPartition {
        if region.hasPrefix("cn-") { return .china }
        if region.hasPrefix("us-gov-") { return .govCloud }
        return .aws
    }
}
