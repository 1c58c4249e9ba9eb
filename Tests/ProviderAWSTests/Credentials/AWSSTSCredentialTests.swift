import Foundation
import PostureTesting
import Testing
@testable import ProviderAWS

/// AssumeRole and AssumeRoleWithWebIdentity against a real moto_server on 127.0.0.1.
@Suite("STS credential providers against moto")
struct AWSSTSCredentialTests {
    /// One moto for the suite (it starts in seconds); it exits when the test process closes its stdin.
    static let sharedMoto = Task { try await CredentialServer.start("moto_sts_server.py") }
    let moto: LoopbackServer

    init() async throws {
        moto = try await Self.sharedMoto.value
    }

    func resolve(_ options: AWSCredentialOptions, _ environment: [String: String], signer: RecordingSigner) async throws -> AWSCredentialResolution {
        let endpoint = moto.url
        return try await AWSCredentialChain.resolve(options: options, environment: environment, transport: try TestHTTP.client(),
                                                    metadataTransport: UnusedTransport(), sign: signer.sign, stsEndpoint: { _ in endpoint })
    }

    @Test("a chain of profiles assumes each role with the credentials of the one below")
    func profileChain() async throws {
        let scratch = try ScratchFolder("posture-sts")
        try scratch.write(".aws/config", """
        [profile audit]
        role_arn = arn:aws:iam::123456789012:role/audit
        source_profile = hub
        external_id = ext-123
        region = eu-central-1
        [profile hub]
        role_arn = arn:aws:iam::123456789012:role/hub
        source_profile = base
        [profile base]
        aws_access_key_id = AKIABASEKEY
        aws_secret_access_key = base-secret
        """)
        let signer = RecordingSigner()
        let resolution = try await resolve(AWSCredentialOptions(profile: "audit"), CredentialSupport.environment(scratch), signer: signer)
        let credentials = try await resolution.provider.credentials()
        #expect(credentials.accessKeyId.hasPrefix("ASIA"))
        #expect(credentials.sessionToken?.isEmpty == false)
        #expect(try #require(credentials.expiration) > Date())
        #expect(credentials.source == "profile audit (assume role arn:aws:iam::123456789012:role/audit)")
        let calls = signer.calls
        #expect(calls.count == 2)
        #expect(calls.first?.accessKeyId == "AKIABASEKEY")
        #expect(calls.last?.accessKeyId.hasPrefix("ASIA") == true)
        #expect(calls.last?.accessKeyId != credentials.accessKeyId)
        #expect(calls.allSatisfy { $0.region == "eu-central-1" && $0.service == "sts" })
        // Cached: a second call within the lifetime signs nothing new.
        #expect(try await resolution.provider.credentials() == credentials)
        #expect(signer.calls.count == 2)
    }

    @Test("--assume-role wraps environment keys, signed with them")
    func assumeRoleFlag() async throws {
        let scratch = try ScratchFolder("posture-sts")
        let signer = RecordingSigner()
        let resolution = try await resolve(
            AWSCredentialOptions(assumeRole: "arn:aws:iam::123456789012:role/scanner", externalId: "x-1", roleSessionName: "nightly"),
            CredentialSupport.environment(scratch, ["AWS_ACCESS_KEY_ID": "AKIAENVKEY", "AWS_SECRET_ACCESS_KEY": "env-secret"]),
            signer: signer)
        #expect(resolution.source == "assume role arn:aws:iam::123456789012:role/scanner with environment")
        let credentials = try await resolution.provider.credentials()
        #expect(credentials.accessKeyId.hasPrefix("ASIA"))
        #expect(signer.calls.map(\.accessKeyId) == ["AKIAENVKEY"])
        #expect(signer.calls.first?.region == "us-east-1")
    }

    @Test("web identity: unsigned, the token file read again on every fetch")
    func webIdentity() async throws {
        let scratch = try ScratchFolder("posture-sts")
        let tokenFile = try scratch.write("token", "eyJhbGciOi.payload.sig\n")
        let signer = RecordingSigner()
        let resolution = try await resolve(AWSCredentialOptions(), CredentialSupport.environment(scratch, [
            "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/ci",
            "AWS_ROLE_SESSION_NAME": "gha-run",
        ]), signer: signer)
        let provider = try #require(resolution.provider.base as? AWSWebIdentityProvider)
        #expect(provider.sessionName == "gha-run")
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyId.hasPrefix("ASIA"))
        #expect(credentials.source == "web identity arn:aws:iam::123456789012:role/ci")
        #expect(signer.calls.isEmpty)
        try FileManager.default.removeItem(atPath: tokenFile)
        let error = await #expect(throws: AWSCredentialError.self) { try await provider.credentials() }
        #expect(error?.description == "environment (AWS_WEB_IDENTITY_TOKEN_FILE): web identity token file \(tokenFile) cannot be read")
    }

    @Test("an STS error status is reported with the call; a dead endpoint with the transport's reason")
    func failures() async throws {
        let server = try await CredentialServer.start("metadata_server.py", ["ecs"])
        defer { server.stop() }
        let sts = AWSSTSClient(transport: try TestHTTP.client(), sign: RecordingSigner().sign, endpoint: { _ in server.url }, region: "us-west-2")
        let source = AWSStaticCredentialProvider(AWSCredentials(accessKeyId: "AKIAX", secretAccessKey: "y", source: "test"))
        let provider = AWSAssumeRoleProvider(source: source, roleArn: "arn:aws:iam::1:role/r", sessionName: "s", sts: sts, context: "--assume-role arn:aws:iam::1:role/r")
        let error = await #expect(throws: AWSCredentialError.self) { try await provider.credentials() }
        #expect(error?.description == "--assume-role arn:aws:iam::1:role/r: sts:AssumeRole us-west-2 answered HTTP 501")
        #expect(error?.description.contains("AKIAX") == false)
    }
}
