import Foundation
import PostureTesting
import Testing
@testable import ProviderAWS

/// Precedence and configuration errors of the chain, offline: every environment is an injected
/// dictionary and every file lives in a scratch folder.
@Suite("Credential chain precedence")
struct AWSCredentialChainTests {
    /// Shared files every case starts from.
    static func files() throws -> ScratchFolder {
        let scratch = try ScratchFolder("posture-chain")
        let process = "python3 \(CredentialSupport.script("credential_process.py")) ok"
        try scratch.write(".aws/config", """
        [default]
        aws_access_key_id = AKIACONFIGDEFAULT
        aws_secret_access_key = config-default-secret
        [profile dev]
        region = eu-west-1
        credential_process = \(process)
        [profile web]
        web_identity_token_file = ~/token
        role_arn = arn:aws:iam::123456789012:role/web
        [profile cfgkeys]
        aws_access_key_id = AKIACONFIGKEYS
        aws_secret_access_key = config-keys-secret
        [profile both]
        credential_process = \(process)
        aws_access_key_id = AKIACONFIGBOTH
        aws_secret_access_key = config-both-secret
        [profile processfirst]
        credential_process = \(process)
        aws_access_key_id = AKIACONFIGAFTERPROCESS
        aws_secret_access_key = s
        [profile regiononly]
        region = us-west-2
        [profile role]
        role_arn = arn:aws:iam::123456789012:role/audit
        source_profile = prod
        """)
        try scratch.write(".aws/credentials", """
        [default]
        aws_access_key_id = AKIACREDSDEFAULT
        aws_secret_access_key = creds-default-secret
        [prod]
        aws_access_key_id = AKIACREDSPROD
        aws_secret_access_key = creds-prod-secret
        aws_session_token = prod-token
        [both]
        aws_access_key_id = AKIACREDSBOTH
        aws_secret_access_key = creds-both-secret
        """)
        try scratch.write("token", "header.payload.signature\n")
        return scratch
    }

    static let envKeys = ["AWS_ACCESS_KEY_ID": "AKIAENVIRONMENT", "AWS_SECRET_ACCESS_KEY": "env-secret"]
    static let envWebIdentity = ["AWS_WEB_IDENTITY_TOKEN_FILE": "/var/run/token", "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/env-web"]

    struct Case: CustomTestStringConvertible {
        var name: String
        var flag: String? = nil
        var environment: [String: String] = [:]
        var source: String
        /// The access key id fetched, when the source is offline (static keys or a process).
        var accessKeyId: String? = nil
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "environment keys alone", environment: envKeys, source: "environment", accessKeyId: "AKIAENVIRONMENT"),
        Case(name: "environment keys beat AWS_PROFILE (botocore keeps EnvProvider)",
             environment: envKeys.merging(["AWS_PROFILE": "prod"]) { $1 }, source: "environment", accessKeyId: "AKIAENVIRONMENT"),
        Case(name: "--profile beats environment keys", flag: "prod", environment: envKeys,
             source: "profile prod (~/.aws/credentials)", accessKeyId: "AKIACREDSPROD"),
        Case(name: "--profile ignores even a half pair in the environment", flag: "prod",
             environment: ["AWS_ACCESS_KEY_ID": "AKIAHALF"], source: "profile prod (~/.aws/credentials)", accessKeyId: "AKIACREDSPROD"),
        Case(name: "default profile: credentials file before config file",
             source: "profile default (~/.aws/credentials)", accessKeyId: "AKIACREDSDEFAULT"),
        Case(name: "AWS_PROFILE selects a credential_process profile", environment: ["AWS_PROFILE": "dev"],
             source: "profile dev (credential_process)", accessKeyId: "ASIAPROCESS"),
        Case(name: "AWS_DEFAULT_PROFILE is read before AWS_PROFILE", environment: ["AWS_DEFAULT_PROFILE": "prod", "AWS_PROFILE": "dev"],
             source: "profile prod (~/.aws/credentials)", accessKeyId: "AKIACREDSPROD"),
        Case(name: "config file keys", flag: "cfgkeys", source: "profile cfgkeys (~/.aws/config)", accessKeyId: "AKIACONFIGKEYS"),
        Case(name: "credentials file keys before credential_process", flag: "both",
             source: "profile both (~/.aws/credentials)", accessKeyId: "AKIACREDSBOTH"),
        Case(name: "credential_process before config file keys", flag: "processfirst",
             source: "profile processfirst (credential_process)", accessKeyId: "ASIAPROCESS"),
        Case(name: "environment web identity before the default profile's keys", environment: envWebIdentity,
             source: "web identity arn:aws:iam::123456789012:role/env-web"),
        Case(name: "environment keys before environment web identity", environment: envKeys.merging(envWebIdentity) { $1 },
             source: "environment", accessKeyId: "AKIAENVIRONMENT"),
        Case(name: "--profile ignores environment web identity", flag: "prod", environment: envWebIdentity,
             source: "profile prod (~/.aws/credentials)", accessKeyId: "AKIACREDSPROD"),
        Case(name: "profile web identity", flag: "web", source: "web identity arn:aws:iam::123456789012:role/web"),
        Case(name: "profile role_arn before anything else of the profile", flag: "role",
             source: "profile role (assume role arn:aws:iam::123456789012:role/audit)"),
        Case(name: "container when the profile has no credentials", flag: "regiononly",
             environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:9/creds"], source: "container http://127.0.0.1:9/creds"),
        Case(name: "relative container URI goes to 169.254.170.2", flag: "regiononly",
             environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc"],
             source: "container http://169.254.170.2/v2/credentials/abc"),
    ]

    @Test("the chain picks the source botocore picks", arguments: cases)
    func precedence(_ test: Case) async throws {
        let scratch = try Self.files()
        let resolution = try await AWSCredentialChain.resolveOffline(
            AWSCredentialOptions(profile: test.flag), CredentialSupport.environment(scratch, test.environment))
        #expect(resolution.source == test.source)
        if let accessKeyId = test.accessKeyId {
            #expect(try await resolution.provider.credentials().accessKeyId == accessKeyId)
        }
    }

    @Test("the selected profile's region and settings are returned for the region resolver")
    func profileRegion() async throws {
        let scratch = try Self.files()
        let resolution = try await AWSCredentialChain.resolveOffline(AWSCredentialOptions(profile: "dev"), CredentialSupport.environment(scratch))
        #expect(resolution.profileName == "dev")
        #expect(resolution.profile?.region == "eu-west-1")
        #expect(resolution.stsRegion == "eu-west-1")
        let overridden = try await AWSCredentialChain.resolveOffline(
            AWSCredentialOptions(profile: "dev"), CredentialSupport.environment(scratch, ["AWS_DEFAULT_REGION": "ca-central-1"]))
        #expect(overridden.stsRegion == "ca-central-1")
    }
}
