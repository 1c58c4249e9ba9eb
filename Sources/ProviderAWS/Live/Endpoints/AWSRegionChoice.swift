/// The region a scan talks to when no region list is given, and where that choice came from.
public struct AWSRegionChoice: Sendable, Equatable {
    /// Where the region came from, for messages (`us-west-2 (from AWS_REGION)`).
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        case flag
        case environment(String)
        case profile
        case fallback

        public var description: String {
            switch self {
            case .flag: return "--region"
            case let .environment(name): return name
            case .profile: return "the profile's region"
            case .fallback: return "the default"
            }
        }
    }

    public let name: String
    public let source: Source

    /// The region as the SDKs choose it: `--region`, then `AWS_REGION`, then
    /// `AWS_DEFAULT_REGION`, then the profile's `region`, else `us-east-1`. Empty values count
    /// as unset.
    /// - Parameters:
    ///   - flag: `--region`.
    ///   - environment: The process environment.
    ///   - profile: The selected profile's settings.
    /// - Throws: `AWSEndpointError` when the chosen value is not a region name (a bad value
    ///   lower in the order is not looked at).
    public static func resolve(flag: String?, environment: [String: String], profile: [String: String]?)
        throws(AWSEndpointError) -> AWSRegionChoice {
        let candidates: [(String?, Source)] = [
            (flag, .flag),
            (environment["AWS_REGION"], .environment("AWS_REGION")),
            (environment["AWS_DEFAULT_REGION"], .environment("AWS_DEFAULT_REGION")),
            (profile?["region"], .profile),
        ]
        for (value, source) in candidates {
            guard let value = value?.trimmingASCIISpaces(), !value.isEmpty else { continue }
            try validate(value, source: source.description)
            return AWSRegionChoice(name: value, source: source)
        }
        return AWSRegionChoice(name: "us-east-1", source: .fallback)
    }

    /// Checks the shape of a region name: `^[a-z]{2}(-[a-z]+)+-\d+$` (`us-east-1`,
    /// `us-gov-west-1`, `ap-southeast-2`). Existence is checked by the service, not here.
    /// - Throws: `AWSEndpointError` naming the value and its source.
    public static func validate(_ name: String, source: String) throws(AWSEndpointError) {
        let parts = name.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        func letters(_ part: Substring.UTF8View.SubSequence) -> Bool {
            !part.isEmpty && part.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
        }
        guard parts.count >= 3, let first = parts.first, let last = parts.last,
              first.count == 2, letters(first),
              parts.dropFirst().dropLast().allSatisfy(letters),
              !last.isEmpty, last.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            throw .invalidRegion(name, source: source)
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (values read from files and variables).
    fileprivate func trimmingASCIISpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
