import Foundation

/// The profile-based steps of the chain (botocore `AssumeRoleProvider`,
/// `AssumeRoleWithWebIdentityProvider`, `SharedCredentialProvider`, `ProcessProvider`,
/// `ConfigProvider`).
extension ChainContext {
    /// botocore `_has_assume_role_config_vars`: `role_arn` without `web_identity_token_file`.
    func hasAssumeRoleSettings(_ profile: AWSProfile) -> Bool {
        profile["role_arn"] != nil && profile["web_identity_token_file"] == nil
    }

    func hasStaticKeys(_ profile: AWSProfile) -> Bool {
        profile["aws_access_key_id"] != nil || profile["aws_secret_access_key"] != nil
    }

    /// Web identity from the environment (unless `--profile` was given) or the profile.
    func webIdentity(profile: AWSProfile?, useEnvironment: Bool) throws(AWSCredentialError) -> Found? {
        func setting(_ variable: String, _ key: String) -> (value: String, place: String)? {
            if useEnvironment, let value = environment[variable] { return (value, "environment (\(variable))") }
            if let profile, let value = profile[key] { return (value, profile.place(key)) }
            return nil
        }
        guard let tokenFile = setting("AWS_WEB_IDENTITY_TOKEN_FILE", "web_identity_token_file"), !tokenFile.value.isEmpty else {
            return nil
        }
        guard let roleArn = setting("AWS_ROLE_ARN", "role_arn"), !roleArn.value.isEmpty else {
            throw AWSCredentialError(.invalidConfiguration, tokenFile.place,
                                     "web identity token file without a role ARN (AWS_ROLE_ARN or role_arn)")
        }
        let sessionName = setting("AWS_ROLE_SESSION_NAME", "role_session_name")?.value
            ?? AWSAssumeRoleProvider.defaultSessionName()
        let path = AWSSharedConfig.expand(tokenFile.value, environment: environment)
        return Found(AWSWebIdentityProvider(tokenFile: path, roleArn: roleArn.value, sessionName: sessionName,
                                            sts: sts, context: tokenFile.place),
                     "web identity \(roleArn.value)")
    }

    /// Steps 3–6 for one profile (botocore `ProfileProviderBuilder.providers`), also used for a
    /// `source_profile` (where environment variables never apply).
    func profileProviders(_ name: String, profile: AWSProfile?, useEnvironment: Bool? = nil) throws(AWSCredentialError) -> Found? {
        if useEnvironment == false, let found = try webIdentity(profile: profile, useEnvironment: false) { return found }
        if let section = config.credentialsProfile(name),
           let credentials = try staticKeys(section, profile: name, source: "profile \(name) (\(config.credentialsDisplay))") {
            return Found(AWSStaticCredentialProvider(credentials), credentials.source)
        }
        if let profile, let command = profile["credential_process"], !command.isEmpty {
            let provider = AWSProcessCredentialProvider(command: command, profileName: name, place: profile.place("credential_process"),
                                                        environment: environment, timeout: processTimeout)
            return Found(provider, "profile \(name) (credential_process)")
        }
        if let section = config.configProfile(name),
           let credentials = try staticKeys(section, profile: name, source: "profile \(name) (\(config.configDisplay))") {
            return Found(AWSStaticCredentialProvider(credentials), credentials.source)
        }
        return nil
    }

    /// A section's `aws_access_key_id` / `aws_secret_access_key` / `aws_session_token`
    /// (or the legacy `aws_security_token`); nil when neither key is there.
    private func staticKeys(_ section: [String: AWSINIEntry], profile: String, source: String) throws(AWSCredentialError) -> AWSCredentials? {
        let accessKey = section["aws_access_key_id"], secretKey = section["aws_secret_access_key"]
        guard accessKey != nil || secretKey != nil else { return nil }
        let home = environment["HOME"]
        guard let accessKey, !accessKey.value.isEmpty else {
            let at = secretKey.map { "\(DisplayPath.of($0.file, home: home)):\($0.line)" } ?? ""
            throw AWSCredentialError(.partialCredentials, "profile \"\(profile)\" in \(at)", "aws_secret_access_key without aws_access_key_id")
        }
        guard let secretKey, !secretKey.value.isEmpty else {
            throw AWSCredentialError(.partialCredentials, "profile \"\(profile)\" in \(DisplayPath.of(accessKey.file, home: home)):\(accessKey.line)",
                                     "aws_access_key_id without aws_secret_access_key")
        }
        let token = [section["aws_security_token"], section["aws_session_token"]].compactMap { $0?.value }.first { !$0.isEmpty }
        return AWSCredentials(accessKeyId: accessKey.value, secretAccessKey: secretKey.value, sessionToken: token, source: source)
    }
}
