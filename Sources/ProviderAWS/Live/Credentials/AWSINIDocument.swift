import Foundation

/// One `key = value` of a shared config or credentials file, with where it was written.
public struct AWSINIEntry: Sendable, Equatable {
    /// The value, stripped; for a nested block (`s3 =` followed by indented lines) the empty
    /// string, with the block's settings in `nested`.
    public var value: String
    /// The indented `key = value` lines under a key with an empty value, as botocore's
    /// `_parse_nested` reads them (keys keep their case there).
    public var nested: [String: String]?
    /// The file (as given) and 1-based line of the key.
    public var file: String
    public var line: Int
}

/// A parsed INI file: section name (as written, case kept) → lower-cased key → entry.
public struct AWSINIDocument: Sendable {
    public var file: String
    /// Sections in file order, so that a later `[profile default]` overrides `[default]` as
    /// botocore's dict iteration does.
    public var sections: [AWSINISection]

    public subscript(section: String) -> [String: AWSINIEntry]? {
        sections.first { $0.name == section }?.entries
    }
}

/// One `[section]` and its entries (lower-cased keys).
public struct AWSINISection: Sendable, Equatable {
    public var name: String
    public var entries: [String: AWSINIEntry]
    /// 1-based line of the `[header]`.
    public var line: Int
}
