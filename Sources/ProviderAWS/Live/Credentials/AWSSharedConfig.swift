import Foundation

/// The two shared files, parsed: `AWS_CONFIG_FILE` (default `~/.aws/config`, sections
/// `[profile name]` and `[default]`) and `AWS_SHARED_CREDENTIALS_FILE` (default
/// `~/.aws/credentials`, sections `[name]`). A file that does not exist is no error, as in
/// botocore (`ConfigNotFound` is skipped); one that cannot be read or parsed is.
public struct AWSSharedConfig: Sendable {
    /// Paths as resolved (after `~` and `$VAR` expansion).
    public var configPath: String
    public var credentialsPath: String
    var config: AWSINIDocument?
    var credentials: AWSINIDocument?
    var home: String?

    /// Reads both files named by `environment` (or the defaults under `HOME`).
    public static func load(environment: [String: String]) throws(AWSCredentialError) -> AWSSharedConfig {
        let home = environment["HOME"]
        let configPath = expand(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config", environment: environment)
        let credentialsPath = expand(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials", environment: environment)
        return AWSSharedConfig(
            configPath: configPath, credentialsPath: credentialsPath,
            config: try read(configPath, home: home), credentials: try read(credentialsPath, home: home), home: home)
    }

    /// `~/.aws/config` or the path as given, for messages.
    public var configDisplay: String { DisplayPath.of(configPath, home: home) }
    public var credentialsDisplay: String { DisplayPath.of(credentialsPath, home: home) }

    /// The profile's settings from the config file alone (botocore's `ConfigProvider`).
    func configProfile(_ name: String) -> [String: AWSINIEntry]? {
        guard let config else { return nil }
        var found: [String: AWSINIEntry]?
        // botocore `build_profile_map`: later sections overwrite earlier ones of the same name.
        for section in config.sections {
            if section.name == name && name == "default" {
                found = section.entries
            } else if section.name.hasPrefix("profile"),
                      let words = try? ShellWords.split(section.name), words.count == 2, words[1] == name {
                found = section.entries
            }
        }
        return found
    }

    /// The profile's settings from the credentials file alone (`SharedCredentialProvider`).
    func credentialsProfile(_ name: String) -> [String: AWSINIEntry]? { credentials?[name] }

    /// The merged profile (`session.full_config`): config settings, then the credentials
    /// file's settings for the same name on top. Nil when neither file has it.
    public func profile(_ name: String) -> AWSProfile? {
        let fromConfig = configProfile(name)
        let fromCredentials = credentialsProfile(name)
        guard fromConfig != nil || fromCredentials != nil else { return nil }
        let merged = (fromConfig ?? [:]).merging(fromCredentials ?? [:]) { _, credentialsValue in credentialsValue }
        return AWSProfile(name: name, settings: merged, home: home)
    }

    private static func read(_ path: String, home: String?) throws(AWSCredentialError) -> AWSINIDocument? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        let display = DisplayPath.of(path, home: home)
        // Read through a file handle: FileManager.contents(atPath:) answers nil for character
        // devices, and AWS_CONFIG_FILE=/dev/null is the usual way to say "no config file".
        guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.readToEnd() ?? Data() else {
            throw AWSCredentialError(.invalidConfiguration, display, "cannot be read")
        }
        try? handle.close()
        guard let text = String(data: data, encoding: .utf8) else {
            throw AWSCredentialError(.invalidConfiguration, display, "is not UTF-8 text")
        }
        return try AWSINIParser.parse(text, file: path, displayFile: display)
    }

    /// botocore: `os.path.expandvars` then `os.path.expanduser`.
    static func expand(_ path: String, environment: [String: String]) -> String {
        var result = ""
        var rest = Substring(path)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            var after = rest[rest.index(after: dollar)...]
            var name: Substring
            if after.first == "{", let close = after.firstIndex(of: "}") {
                name = after[after.index(after: after.startIndex)..<close]
                after = after[after.index(after: close)...]
            } else {
                name = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                after = after.dropFirst(name.count)
            }
            // Python leaves unknown variables as written.
            if !name.isEmpty, let value = environment[String(name)] {
                result += value
            } else {
                result += rest[dollar..<after.startIndex]
            }
            rest = after
        }
        result += rest
        if result == "~" || result.hasPrefix("~/"), let home = environment["HOME"] {
            result = home + result.dropFirst()
        }
        return result
    }
}
