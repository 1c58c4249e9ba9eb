import Foundation

/// Role chains from profiles: `role_arn` with `source_profile` (recursively, with cycle
/// detection) or `credential_source` (botocore `AssumeRoleProvider._load_creds_via_assume_role`).
extension ChainContext {
    /// The canonical `credential_source` names botocore's `CanonicalNameCredentialSourcer` knows.
    static let credentialSources = ["Environment", "Ec2InstanceMetadata", "EcsContainer"]

    func assumeRoleFromProfile(_ profile: AWSProfile, visited: inout [String]) throws(AWSCredentialError) -> Found {
        let roleArn = profile["role_arn"] ?? ""
        let sourceProfile = profile["source_profile"], credentialSource = profile["credential_source"]
        if sourceProfile != nil && credentialSource != nil {
            throw AWSCredentialError(.invalidConfiguration, profile.place("credential_source"),
                                     "both source_profile and credential_source are set; use one")
        }
        if profile["mfa_serial"] != nil {
            throw AWSCredentialError(.unsupported, profile.place("mfa_serial"),
                                     "mfa_serial needs a code typed at a prompt, which an unattended scanner cannot do; use a role without MFA or --assume-role from MFA-backed credentials")
        }
        var duration: Int?
        if let text = profile["duration_seconds"] {
            guard let seconds = Int(text), seconds > 0 else {
                throw AWSCredentialError(.invalidConfiguration, profile.place("duration_seconds"), "'\(text)' is not a number of seconds")
            }
            duration = seconds
        }
        let source: Found
        if let credentialSource {
            source = try namedSource(credentialSource, profile: profile)
        } else if let sourceProfile {
            source = try sourceFromProfile(sourceProfile, parent: profile, visited: &visited)
        } else {
            throw AWSCredentialError(.invalidConfiguration, profile.place("role_arn"),
                                     "role_arn without source_profile or credential_source")
        }
        let description = "profile \(profile.name) (assume role \(roleArn))"
        // The source is cached too, so that a chain of roles does not re-assume every hop on
        // every refresh of the outer role.
        return Found(AWSAssumeRoleProvider(source: AWSCachingCredentialProvider(source.provider), roleArn: roleArn,
                                           sessionName: profile["role_session_name"] ?? AWSAssumeRoleProvider.defaultSessionName(),
                                           externalId: profile["external_id"], durationSeconds: duration, sts: sts,
                                           context: profile.place("role_arn"), resultSource: description),
                     description)
    }

    /// botocore `_validate_source_profile` and `_resolve_credentials_from_profile`.
    private func sourceFromProfile(_ name: String, parent: AWSProfile, visited: inout [String]) throws(AWSCredentialError) -> Found {
        guard let source = config.profile(name) else {
            throw AWSCredentialError(.invalidConfiguration, parent.place("source_profile"), "source_profile \"\(name)\" does not exist")
        }
        if visited.contains(name) {
            // A profile may name itself to use its own static keys for its own role; anything
            // else that comes back to a visited profile is a loop.
            guard name == parent.name, hasStaticKeys(source) else {
                throw AWSCredentialError(.invalidConfiguration, parent.place("source_profile"),
                                         "source_profile cycle: \((visited + [name]).joined(separator: " -> "))")
            }
        }
        visited.append(name)
        if hasStaticKeys(source) || !hasAssumeRoleSettings(source) {
            guard let found = try profileProviders(name, profile: source, useEnvironment: false) else {
                throw AWSCredentialError(.invalidConfiguration, parent.place("source_profile"),
                                         "source profile \"\(name)\" has no credentials")
            }
            return found
        }
        return try assumeRoleFromProfile(source, visited: &visited)
    }

    /// `credential_source = Environment | Ec2InstanceMetadata | EcsContainer` (case-insensitive).
    private func namedSource(_ name: String, profile: AWSProfile) throws(AWSCredentialError) -> Found {
        let place = profile.place("credential_source")
        switch name.lowercased() {
        case "environment":
            guard let credentials = try AWSEnvironmentCredentials.load(environment) else {
                throw AWSCredentialError(.retrievalFailed, place, "credential_source Environment, but AWS_ACCESS_KEY_ID is not set")
            }
            return Found(AWSStaticCredentialProvider(credentials), "environment")
        case "ec2instancemetadata":
            guard let imds = AWSInstanceMetadataProvider.fromEnvironment(environment, profile: profile, transport: metadataTransport) else {
                throw AWSCredentialError(.retrievalFailed, place, "credential_source Ec2InstanceMetadata, but AWS_EC2_METADATA_DISABLED is true")
            }
            return Found(imds, "instance metadata")
        case "ecscontainer":
            guard let container = try AWSContainerCredentialProvider.fromEnvironment(environment, transport: metadataTransport,
                                                                                     relativeBase: containerBase) else {
                throw AWSCredentialError(.retrievalFailed, place,
                                         "credential_source EcsContainer, but neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor _FULL_URI is set")
            }
            return Found(container, "container \(container.url)")
        default:
            throw AWSCredentialError(.invalidConfiguration, place,
                                     "credential_source \"\(name)\" is not one of \(Self.credentialSources.joined(separator: ", "))")
        }
    }
}
