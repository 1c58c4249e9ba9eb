import Foundation

/// What the command line says about credentials.
public struct AWSCredentialOptions: Sendable {
    /// `--profile`: wins over environment keys (botocore drops its `EnvProvider` then).
    public var profile: String?
    /// `--assume-role ARN`: assumed with whatever the chain found.
    public var assumeRole: String?
    /// `--external-id`, sent with `--assume-role`.
    public var externalId: String?
    /// `--role-session-name`; default `posture-<unix seconds>`.
    public var roleSessionName: String?
    /// `--region`, used for STS when set.
    public var region: String?
    /// The longest a `credential_process` may run.
    public var processTimeout: TimeInterval = 60

    public init(profile: String? = nil, assumeRole: String? = nil, externalId: String? = nil,
                roleSessionName: String? = nil, region: String? = nil) {
        self.profile = profile
        self.assumeRole = assumeRole
        self.externalId = externalId
        self.roleSessionName = roleSessionName
        self.region = region
    }
}

/// The chain's answer: a caching provider to ask for credentials, and the profile it read, whose
/// `region` and `endpoint_url` the region and endpoint resolvers need.
public struct AWSCredentialResolution: Sendable {
    /// Ask this for credentials before every request; it refreshes them near expiration.
    public let provider: AWSCachingCredentialProvider
    /// Which source was chosen: `environment`, `profile dev (credential_process)`, ….
    public let source: String
    /// The selected profile's name (`--profile`, `AWS_PROFILE`, or `default`).
    public let profileName: String
    /// The selected profile's settings, nil when no file has it (only possible for `default`).
    public let profile: AWSProfile?
    /// The region STS calls went to.
    public let stsRegion: String
}
