import Foundation

/// The regions a scan covers (`--regions all|LIST`).
public enum AWSRegionSelection: Sendable, Equatable {
    /// Every region enabled for the account; the collector lists them with EC2
    /// DescribeRegions.
    case all
    /// These regions, in the order given, without repeats.
    case list([String])

    /// Parses `all` (any case) or a comma-separated list of region names (spaces around names
    /// allowed, repeats dropped).
    /// - Parameters:
    ///   - text: The option's value.
    ///   - source: Its name, for errors (`--regions`).
    /// - Throws: `AWSEndpointError` for an empty list or the first malformed name.
    public static func parse(_ text: String, source: String = "--regions") throws(AWSEndpointError) -> AWSRegionSelection {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "all" { return .all }
        var names: [String] = []
        for piece in trimmed.split(separator: ",", omittingEmptySubsequences: true) {
            let name = piece.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            try AWSRegionChoice.validate(name, source: source)
            if !names.contains(name) { names.append(name) }
        }
        if names.isEmpty { throw .emptyRegionList(source: source) }
        return .list(names)
    }
}
