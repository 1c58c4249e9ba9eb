/// A body of configuration an input may or may not hold (a bundle without CloudTrail files
/// has no `cloudtrail` data set). Each provider declares its own (`ModelExtension.dataSets`);
/// policies name the ones they need in `requires`, and where one is missing for an account the
/// policy is *not assessed* there, never passed. Names are per provider: a GCP `iam` data set
/// and an AWS one are different data sets of different accounts.
public struct DataSet: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: DataSet, rhs: DataSet) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}
