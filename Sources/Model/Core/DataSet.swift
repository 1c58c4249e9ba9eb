/// A body of configuration an input may or may not hold (a bundle without CloudTrail files
/// has no `cloudtrail` data set). Each provider declares its own (`ModelExtension.dataSets`);
/// policies name the ones they need in `requires`, and where one is missing for an account the
/// policy is *not assessed* there, never passed. Names are per provider: a GCP `iam` data set
/// and an AWS one are different data sets of different accounts.
public struct DataSet: OpenName {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
}
