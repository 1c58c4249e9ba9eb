import Foundation

/// Everything a live collection is configured with, as the command line and the environment
/// give it. Resolution (region, credentials, endpoints) happens in `AWSLiveSession.open`.
public struct AWSLiveSettings: Sendable {
    public var profile: String?
    public var region: String?
    /// `all` or a comma-separated list; nil for the home region only.
    public var regions: String?
    public var assumeRole: String?
    public var externalId: String?
    public var endpointURL: String?
    public var caBundle: String?
    public var concurrency = 16
    public var maxRate: Double?
    /// Seconds per call, retries included.
    public var callTimeout: Double = 120
    public var userAgent = "posture"
    /// The process environment (injected so tests can give their own).
    public var environment: [String: String]
    /// Receives one line per HTTP attempt and retry (`--verbose`); never a secret.
    public var log: (@Sendable (String) -> Void)?

    public init(environment: [String: String]) {
        self.environment = environment
    }
}

/// Why a live session could not be opened: no credentials, a bad profile, a bad endpoint or
/// region. One line, naming the setting at fault; never a secret.
public struct LiveSetupError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
