import Foundation
import HTTP

/// The default credential chain, in botocore's order (`botocore/credentials.py`,
/// `create_credential_resolver` and `ProfileProviderBuilder.providers`, botocore 1.43):
///
/// 1. environment keys — skipped when a profile was given explicitly (`--profile`), kept when
///    it comes from `AWS_PROFILE`, so env keys win over `AWS_PROFILE` exactly as in botocore;
/// 2. the profile's `role_arn` (without `web_identity_token_file`) → `AssumeRole`;
/// 3. web identity: `AWS_WEB_IDENTITY_TOKEN_FILE` / `AWS_ROLE_ARN` (env ignored with `--profile`)
///    or the profile's `web_identity_token_file` / `role_arn`;
/// 4. the credentials file's static keys, 5. the profile's `credential_process`,
/// 6. the config file's static keys (SSO and login providers, between these, are not supported);
/// 7. container credentials, 8. instance metadata (IMDSv2).
///
/// `--assume-role` then wraps whatever was found.
public enum AWSCredentialChain {
    /// Finds the first configured source and returns it wrapped in a caching provider.
    ///
    /// Nothing is fetched except instance metadata, which is the last resort and is probed once
    /// so that "nothing found" is an error here, not at the first API call.
    /// - Parameters:
    ///   - options: `--profile`, `--assume-role`, `--external-id`, `--role-session-name`, `--region`.
    ///   - environment: the process environment (injected for tests).
    ///   - transport: for STS.
    ///   - metadataTransport: for container and instance metadata; give it short timeouts
    ///     (`HTTPClientConfiguration.instanceMetadata`).
    ///   - sign: SigV4 signing for `AssumeRole`.
    ///   - stsEndpoint: the STS base URL for a region.
    /// - Throws: `AWSCredentialError` for a malformed configuration, or `.noCredentials` listing
    ///   what was tried.
    public static func resolve(
        options: AWSCredentialOptions, environment: [String: String],
        transport: any HTTPTransport, metadataTransport: any HTTPTransport,
        sign: @escaping AWSRequestSigning, stsEndpoint: @escaping AWSSTSEndpoint,
        containerBase: String = AWSContainerCredentialProvider.relativeBase
    ) async throws(AWSCredentialError) -> AWSCredentialResolution {
        let config = try AWSSharedConfig.load(environment: environment)
        let explicit = options.profile != nil
        let profileName = options.profile ?? nonEmpty(environment["AWS_DEFAULT_PROFILE"])
            ?? nonEmpty(environment["AWS_PROFILE"]) ?? "default"
        let profile = config.profile(profileName)
        if profile == nil && profileName != "default" {
            throw AWSCredentialError(.profileNotFound, "profile \"\(profileName)\"",
                                     "not found in \(config.configDisplay) or \(config.credentialsDisplay)")
        }
        // botocore's session region: AWS_DEFAULT_REGION over the profile's; STS falls back to us-east-1.
        let region = options.region ?? nonEmpty(environment["AWS_REGION"]) ?? nonEmpty(environment["AWS_DEFAULT_REGION"])
            ?? profile?.region ?? "us-east-1"
        let context = ChainContext(
            environment: environment, config: config, explicitProfile: explicit,
            sts: AWSSTSClient(transport: transport, sign: sign, endpoint: stsEndpoint, region: region),
            metadataTransport: metadataTransport, containerBase: containerBase, processTimeout: options.processTimeout)
        var (found, initial) = try await context.defaultChain(profileName: profileName, profile: profile)
        if let roleArn = options.assumeRole {
            let sessionName = options.roleSessionName ?? AWSAssumeRoleProvider.defaultSessionName()
            let source = AWSCachingCredentialProvider(found.provider, initial: initial)
            found = Found(AWSAssumeRoleProvider(source: source, roleArn: roleArn, sessionName: sessionName,
                                                externalId: options.externalId, sts: context.sts, context: "--assume-role \(roleArn)",
                                                resultSource: "assume role \(roleArn) with \(found.source)"),
                          "assume role \(roleArn) with \(found.source)")
            initial = nil
        }
        return AWSCredentialResolution(provider: AWSCachingCredentialProvider(found.provider, initial: initial),
                                       source: found.source, profileName: profileName, profile: profile, stsRegion: region)
    }

    static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}

/// A provider the chain chose, with a description of it.
struct Found {
    var provider: any AWSCredentialProvider
    var source: String

    init(_ provider: any AWSCredentialProvider, _ source: String) {
        self.provider = provider
        self.source = source
    }
}

/// What every step of the chain needs.
struct ChainContext {
    let environment: [String: String]
    let config: AWSSharedConfig
    let explicitProfile: Bool
    let sts: AWSSTSClient
    let metadataTransport: any HTTPTransport
    let containerBase: String
    let processTimeout: TimeInterval

    /// The default chain after the profile was chosen. Returns the provider, and the
    /// credentials already fetched when the probe of instance metadata produced them.
    func defaultChain(profileName: String, profile: AWSProfile?) async throws(AWSCredentialError) -> (Found, AWSCredentials?) {
        var tried: [String] = []
        if !explicitProfile {
            if let credentials = try AWSEnvironmentCredentials.load(environment) {
                return (Found(AWSStaticCredentialProvider(credentials), "environment"), nil)
            }
            tried.append("environment")
        }
        if let profile, hasAssumeRoleSettings(profile) {
            var visited = [profileName]
            return (try assumeRoleFromProfile(profile, visited: &visited), nil)
        }
        if let found = try webIdentity(profile: profile, useEnvironment: !explicitProfile) { return (found, nil) }
        tried.append("web identity")
        if let found = try profileProviders(profileName, profile: profile) { return (found, nil) }
        tried.append("profile \"\(profileName)\" in \(config.configDisplay) and \(config.credentialsDisplay)")
        if let container = try AWSContainerCredentialProvider.fromEnvironment(environment, transport: metadataTransport,
                                                                              relativeBase: containerBase) {
            return (Found(container, "container \(container.url)"), nil)
        }
        tried.append("container")
        var detail = ""
        if let imds = AWSInstanceMetadataProvider.fromEnvironment(environment, profile: profile, transport: metadataTransport) {
            do {
                let credentials = try await imds.credentials()
                return (Found(imds, "instance metadata"), credentials)
            } catch {
                detail = " (\(error.reason))"
            }
            tried.append("instance metadata" + detail)
        } else {
            tried.append("instance metadata (disabled by AWS_EC2_METADATA_DISABLED)")
        }
        throw AWSCredentialError(.noCredentials, "no AWS credentials", "tried " + tried.joined(separator: ", "))
    }
}
