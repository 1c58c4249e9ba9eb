import Foundation

/// Why no credentials could be had: which provider, which file and line or variable, what
/// failed. One line, never a secret (no key, token, or credential process output).
public struct AWSCredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No provider in the chain had credentials.
        case noCredentials
        /// A named profile does not exist in either shared file.
        case profileNotFound
        /// A file or setting is malformed, or settings contradict each other.
        case invalidConfiguration
        /// Half of a credential pair (an access key id without its secret, or the reverse).
        case partialCredentials
        /// Configured, but something this scanner deliberately does not do (MFA prompts).
        case unsupported
        /// The source was configured but fetching from it failed (process, STS, metadata).
        case retrievalFailed
    }

    public var kind: Kind
    /// Where: `environment`, `profile "dev" in ~/.aws/config`, `~/.aws/credentials:12`.
    public var context: String
    /// What failed.
    public var reason: String

    public init(_ kind: Kind, _ context: String, _ reason: String) {
        self.kind = kind
        self.context = context
        self.reason = reason
    }

    public var description: String { "\(context): \(reason)" }
}

/// Paths as users write them: the home folder shown as `~`.
enum DisplayPath {
    static func of(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, home != "/" else { return path }
        let prefix = home.hasSuffix("/") ? home : home + "/"
        return path.hasPrefix(prefix) ? "~/" + path.dropFirst(prefix.count) : path
    }
}
