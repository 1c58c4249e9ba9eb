/// A name from an open set: resource kinds, data sets, provider ids. Each is a string that
/// providers extend by declaring constants (`extension DataSet { static let kms: DataSet = "kms" }`),
/// so adding one edits no list. Encodes as the bare string (the standard library's
/// `RawRepresentable` coding), sorts and prints as its string.
public protocol OpenName: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible where RawValue == String {
    init(rawValue: String)
}

extension OpenName {
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}
