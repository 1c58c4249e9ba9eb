import Foundation
import PostureTesting
import Testing
@testable import ProviderAWS

/// Configurations that must stop the chain with one clear line, never a silent skip.
@Suite("Credential chain errors")
struct AWSCredentialChainErrorTests {
    struct Case: CustomTestStringConvertible {
        var name: String
        var config: String = ""
        var credentials: String = ""
        var flag: String? = nil
        var environment: [String: String] = [:]
        var kind: AWSCredentialError.Kind
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "access key id without its secret", environment: ["AWS_ACCESS_KEY_ID": "AKIAHALF"], kind: .partialCredentials,
             message: "environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"),
        Case(name: "secret without its access key id", environment: ["AWS_SECRET_ACCESS_KEY": "lonely-secret"], kind: .partialCredentials,
             message: "environment: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not"),
        Case(name: "half a pair in the credentials file", credentials: "[default]\naws_access_key_id = AKIAX\n", kind: .partialCredentials,
             message: "profile \"default\" in ~/.aws/credentials:2: aws_access_key_id without aws_secret_access_key"),
        Case(name: "a named profile that does not exist", flag: "nope", kind: .profileNotFound,
             message: "profile \"nope\": not found in ~/.aws/config or ~/.aws/credentials"),
        Case(name: "AWS_PROFILE naming a missing profile", environment: ["AWS_PROFILE": "gone"], kind: .profileNotFound,
             message: "profile \"gone\": not found in ~/.aws/config or ~/.aws/credentials"),
        Case(name: "role_arn alone", config: "[profile dev]\nregion = x\nrole_arn = arn:aws:iam::1:role/r\n", flag: "dev",
             kind: .invalidConfiguration,
             message: "profile \"dev\" in ~/.aws/config:3: role_arn without source_profile or credential_source"),
        Case(name: "mfa_serial is refused", config: "[profile m]\nrole_arn = arn:r\nsource_profile = m\nmfa_serial = arn:mfa\naws_access_key_id = A\naws_secret_access_key = B\n",
             flag: "m", kind: .unsupported,
             message: "profile \"m\" in ~/.aws/config:4: mfa_serial needs a code typed at a prompt, which an unattended scanner cannot do; use a role without MFA or --assume-role from MFA-backed credentials"),
        Case(name: "source_profile and credential_source together",
             config: "[profile d]\nrole_arn = arn:r\nsource_profile = e\ncredential_source = Environment\n[profile e]\naws_access_key_id = A\naws_secret_access_key = B\n",
             flag: "d", kind: .invalidConfiguration,
             message: "profile \"d\" in ~/.aws/config:4: both source_profile and credential_source are set; use one"),
        Case(name: "a cycle of source profiles",
             config: "[profile a]\nrole_arn = arn:a\nsource_profile = b\n[profile b]\nrole_arn = arn:b\nsource_profile = c\n[profile c]\nrole_arn = arn:c\nsource_profile = a\n",
             flag: "a", kind: .invalidConfiguration,
             message: "profile \"c\" in ~/.aws/config:9: source_profile cycle: a -> b -> c -> a"),
        Case(name: "a profile that sources itself without keys", config: "[profile s]\nrole_arn = arn:s\nsource_profile = s\n",
             flag: "s", kind: .invalidConfiguration, message: "profile \"s\" in ~/.aws/config:3: source_profile cycle: s -> s"),
        Case(name: "a source profile that does not exist", config: "[profile a]\nrole_arn = arn:a\nsource_profile = ghost\n",
             flag: "a", kind: .invalidConfiguration, message: "profile \"a\" in ~/.aws/config:3: source_profile \"ghost\" does not exist"),
        Case(name: "a source profile without credentials", config: "[profile a]\nrole_arn = arn:a\nsource_profile = b\n[profile b]\nregion = x\n",
             flag: "a", kind: .invalidConfiguration, message: "profile \"a\" in ~/.aws/config:3: source profile \"b\" has no credentials"),
        Case(name: "an unknown credential_source", config: "[profile a]\nrole_arn = arn:a\ncredential_source = Laptop\n",
             flag: "a", kind: .invalidConfiguration,
             message: "profile \"a\" in ~/.aws/config:3: credential_source \"Laptop\" is not one of Environment, Ec2InstanceMetadata, EcsContainer"),
        Case(name: "credential_source Environment without keys", config: "[profile a]\nrole_arn = arn:a\ncredential_source = environment\n",
             flag: "a", kind: .retrievalFailed,
             message: "profile \"a\" in ~/.aws/config:3: credential_source Environment, but AWS_ACCESS_KEY_ID is not set"),
        Case(name: "web identity token without a role", environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": "/t"], kind: .invalidConfiguration,
             message: "environment (AWS_WEB_IDENTITY_TOKEN_FILE): web identity token file without a role ARN (AWS_ROLE_ARN or role_arn)"),
        Case(name: "container full URI over http to a remote host",
             environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://evil.example.com/creds"], kind: .invalidConfiguration,
             message: "environment (AWS_CONTAINER_CREDENTIALS_FULL_URI): host 'evil.example.com' is not allowed over http: use https, a loopback address or 169.254.170.2"),
        Case(name: "nothing anywhere", kind: .noCredentials,
             message: "no AWS credentials: tried environment, web identity, profile \"default\" in ~/.aws/config and ~/.aws/credentials, container, instance metadata (disabled by AWS_EC2_METADATA_DISABLED)"),
        Case(name: "nothing anywhere with --profile: the environment was not tried", config: "[profile r]\nregion = x\n", flag: "r",
             kind: .noCredentials,
             message: "no AWS credentials: tried web identity, profile \"r\" in ~/.aws/config and ~/.aws/credentials, container, instance metadata (disabled by AWS_EC2_METADATA_DISABLED)"),
    ]

    @Test("each misconfiguration is one error line with its place", arguments: cases)
    func misconfiguration(_ test: Case) async throws {
        let scratch = try ScratchFolder("posture-chain-errors")
        if !test.config.isEmpty { try scratch.write(".aws/config", test.config) }
        if !test.credentials.isEmpty { try scratch.write(".aws/credentials", test.credentials) }
        let error = await #expect(throws: AWSCredentialError.self) {
            try await AWSCredentialChain.resolveOffline(AWSCredentialOptions(profile: test.flag),
                                                        CredentialSupport.environment(scratch, test.environment))
        }
        #expect(error?.kind == test.kind)
        #expect(error?.description == test.message)
    }

    @Test("a profile may source itself when it holds static keys (botocore's one allowed self-reference)")
    func selfReferenceWithKeys() async throws {
        let scratch = try ScratchFolder("posture-chain-errors")
        try scratch.write(".aws/config", "[profile s]\nrole_arn = arn:aws:iam::1:role/s\nsource_profile = s\naws_access_key_id = AKIASELF\naws_secret_access_key = x\n")
        let resolution = try await AWSCredentialChain.resolveOffline(AWSCredentialOptions(profile: "s"), CredentialSupport.environment(scratch))
        #expect(resolution.source == "profile s (assume role arn:aws:iam::1:role/s)")
        let assume = try #require(resolution.provider.base as? AWSAssumeRoleProvider)
        let source = try #require(assume.source as? AWSCachingCredentialProvider)
        #expect(try await source.credentials().accessKeyId == "AKIASELF")
    }

    @Test("a chain of profiles nests AssumeRole providers down to the static keys")
    func profileChainStructure() async throws {
        let scratch = try ScratchFolder("posture-chain-errors")
        try scratch.write(".aws/config", """
        [profile a]
        role_arn = arn:aws:iam::1:role/a
        source_profile = b
        external_id = ext-a
        duration_seconds = 900
        role_session_name = audit-a
        [profile b]
        role_arn = arn:aws:iam::1:role/b
        source_profile = c
        [profile c]
        aws_access_key_id = AKIABASE
        aws_secret_access_key = base-secret
        """)
        let resolution = try await AWSCredentialChain.resolveOffline(AWSCredentialOptions(profile: "a"), CredentialSupport.environment(scratch))
        let outer = try #require(resolution.provider.base as? AWSAssumeRoleProvider)
        #expect(outer.call == AssumeRoleCall(roleArn: "arn:aws:iam::1:role/a", sessionName: "audit-a", externalId: "ext-a", durationSeconds: 900))
        let middle = try #require((outer.source as? AWSCachingCredentialProvider)?.base as? AWSAssumeRoleProvider)
        #expect(middle.call.roleArn == "arn:aws:iam::1:role/b")
        #expect(middle.call.sessionName.hasPrefix("posture-"))
        let base = try #require((middle.source as? AWSCachingCredentialProvider)?.base as? AWSStaticCredentialProvider)
        #expect(base.value.accessKeyId == "AKIABASE")
    }
}
