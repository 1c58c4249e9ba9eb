import Foundation

/// STS `AssumeRole` with credentials from another provider: a profile's `role_arn` with
/// `source_profile` or `credential_source`, or `--assume-role ARN` around the chain's result.
/// Each call fetches the source's credentials and assumes the role again; wrap it in
/// `AWSCachingCredentialProvider` to call STS only near expiration.
public struct AWSAssumeRoleProvider: AWSCredentialProvider {
    public let source: any AWSCredentialProvider
    let call: AssumeRoleCall
    let sts: AWSSTSClient
    /// What assumes the role, for errors: `profile "dev" in ~/.aws/config:4`, `--assume-role`.
    let context: String
    /// `source` of the returned credentials: `profile dev (assume role arn:…)`.
    let resultSource: String

    /// - Parameters:
    ///   - source: credentials to sign the call with.
    ///   - roleArn, sessionName, externalId, durationSeconds: the `AssumeRole` parameters.
    ///   - sts: the STS client (transport, signer, endpoint, region).
    ///   - context: where the role was configured, for errors.
    public init(source: any AWSCredentialProvider, roleArn: String, sessionName: String, externalId: String? = nil,
                durationSeconds: Int? = nil, sts: AWSSTSClient, context: String, resultSource: String? = nil) {
        self.source = source
        self.call = AssumeRoleCall(roleArn: roleArn, sessionName: sessionName, externalId: externalId,
                                   durationSeconds: durationSeconds)
        self.sts = sts
        self.context = context
        self.resultSource = resultSource ?? "assume role \(roleArn)"
    }

    public func credentials() async throws(AWSCredentialError) -> AWSCredentials {
        let sourceCredentials = try await source.credentials()
        return try await sts.assumeRole(call, using: sourceCredentials, context: context, resultSource: resultSource)
    }

    /// `posture-<unix seconds>`, the default session name (botocore uses `botocore-session-<t>`),
    /// so CloudTrail shows which sessions were the scanner's.
    public static func defaultSessionName(now: Date = Date()) -> String {
        "posture-\(Int(now.timeIntervalSince1970))"
    }
}

/// STS `AssumeRoleWithWebIdentity` with a token read from a file on every call, since the
/// orchestrator (EKS, GitHub Actions) rotates the file (botocore `FileWebIdentityTokenLoader`).
public struct AWSWebIdentityProvider: AWSCredentialProvider {
    public let tokenFile: String
    public let roleArn: String
    public let sessionName: String
    let sts: AWSSTSClient
    /// `environment (AWS_WEB_IDENTITY_TOKEN_FILE)` or `profile "ci" in ~/.aws/config:3`.
    let context: String

    public init(tokenFile: String, roleArn: String, sessionName: String, sts: AWSSTSClient, context: String) {
        self.tokenFile = tokenFile
        self.roleArn = roleArn
        self.sessionName = sessionName
        self.sts = sts
        self.context = context
    }

    public func credentials() async throws(AWSCredentialError) -> AWSCredentials {
        guard let data = FileManager.default.contents(atPath: tokenFile) else {
            throw AWSCredentialError(.retrievalFailed, context, "web identity token file \(tokenFile) cannot be read")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else {
            throw AWSCredentialError(.retrievalFailed, context, "web identity token file \(tokenFile) is empty")
        }
        return try await sts.assumeRoleWithWebIdentity(roleArn: roleArn, sessionName: sessionName, token: token,
                                                       context: context, resultSource: "web identity \(roleArn)")
    }
}
