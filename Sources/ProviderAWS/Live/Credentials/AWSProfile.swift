import Foundation

/// One named profile as botocore's `session.full_config` sees it: the config file's
/// `[profile name]` (or `[default]`) with the credentials file's `[name]` laid over it, key by key.
public struct AWSProfile: Sendable, Equatable {
    public var name: String
    /// Lower-cased key → value and where it was written.
    public var settings: [String: AWSINIEntry]
    /// The home folder, to print paths as `~/.aws/config`.
    var home: String?

    public init(name: String, settings: [String: AWSINIEntry], home: String? = nil) {
        self.name = name
        self.settings = settings
        self.home = home
    }

    /// A setting's value, nil when absent. Keys are case-insensitive, as in the files.
    public subscript(key: String) -> String? { settings[key.lowercased()]?.value }

    /// The profile's `region`, for the region resolver.
    public var region: String? { self["region"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The profile's `endpoint_url` (all services), for the endpoint resolver.
    public var endpointURL: String? { self["endpoint_url"].flatMap { $0.isEmpty ? nil : $0 } }

    /// A nested block such as `s3 =` / `sts =` with its indented settings.
    public func nested(_ key: String) -> [String: String]? { settings[key.lowercased()]?.nested }

    /// `profile "dev" in ~/.aws/config:12` — where a setting was written, for errors.
    func place(_ key: String) -> String {
        guard let entry = settings[key.lowercased()] else { return "profile \"\(name)\"" }
        return "profile \"\(name)\" in \(DisplayPath.of(entry.file, home: home)):\(entry.line)"
    }
}
