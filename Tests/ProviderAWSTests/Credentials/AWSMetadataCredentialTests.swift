import Foundation
import PostureTesting
import Testing
@testable import ProviderAWS

/// Container credentials and IMDSv2 against the documented endpoints, served by
/// Support/metadata_server.py on 127.0.0.1.
@Suite("Container and instance metadata credentials", .serialized)
struct AWSMetadataCredentialTests {
    func resolve(_ environment: [String: String], containerBase: String = AWSContainerCredentialProvider.relativeBase) async throws -> AWSCredentialResolution {
        try await AWSCredentialChain.resolve(options: AWSCredentialOptions(), environment: environment, transport: UnusedTransport(),
                                             metadataTransport: try TestHTTP.metadataClient(), sign: { _, _, _, _ in },
                                             stsEndpoint: { _ in "http://127.0.0.1:9" }, containerBase: containerBase)
    }

    @Test("ECS relative URI with an authorization token file, re-read on every fetch")
    func containerRelative() async throws {
        let server = try await CredentialServer.start("metadata_server.py", ["ecs", "--path", "/v2/credentials/task-1", "--authorization", "Bearer first"])
        defer { server.stop() }
        let scratch = try ScratchFolder("posture-metadata")
        let tokenFile = try scratch.write("auth", "Bearer first\n")
        let resolution = try await resolve(CredentialSupport.environment(scratch, [
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/task-1", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Bearer ignored-when-a-file-is-set",
        ]), containerBase: server.url)
        let credentials = try await resolution.provider.credentials()
        #expect(credentials.accessKeyId == "ASIAMETADATA0001")
        #expect(credentials.sessionToken == "metadata-session-token-1")
        #expect(credentials.source == "container")
        try scratch.write("auth", "Bearer rotated")
        let provider = resolution.provider.base
        let error = await #expect(throws: AWSCredentialError.self) { try await provider.credentials() }
        #expect(error?.description == "container credentials \(server.url)/v2/credentials/task-1: answered HTTP 403")
    }

    @Test("ECS full URI on loopback with an authorization token")
    func containerFull() async throws {
        let server = try await CredentialServer.start("metadata_server.py", ["ecs", "--path", "/creds", "--authorization", "pod-token"])
        defer { server.stop() }
        let scratch = try ScratchFolder("posture-metadata")
        let resolution = try await resolve(CredentialSupport.environment(scratch, [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "\(server.url)/creds", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "pod-token",
        ]))
        #expect(try await resolution.provider.credentials().accessKeyId == "ASIAMETADATA0001")
    }

    @Test("IMDSv2: token, role name, role credentials; the chain's probe is reused, not fetched twice")
    func instanceMetadata() async throws {
        let server = try await CredentialServer.start("metadata_server.py", ["imds", "--role", "scanner-role"])
        defer { server.stop() }
        let scratch = try ScratchFolder("posture-metadata")
        let resolution = try await resolve(CredentialSupport.environment(scratch, [
            "AWS_EC2_METADATA_DISABLED": "false", "AWS_EC2_METADATA_SERVICE_ENDPOINT": server.url,
        ]))
        #expect(resolution.source == "instance metadata")
        let credentials = try await resolution.provider.credentials()
        #expect(credentials.accessKeyId == "ASIAMETADATA0001")
        #expect(credentials.source == "instance metadata (role scanner-role)")
        let count = try await TestHTTP.client().send(.init(url: "\(server.url)/__count"))
        #expect(String(decoding: count.body, as: UTF8.self) == "1")
    }

    @Test("the server really requires the token: a GET without it is 401")
    func tokenRequired() async throws {
        let server = try await CredentialServer.start("metadata_server.py", ["imds"])
        defer { server.stop() }
        let response = try await TestHTTP.client().send(.init(url: "\(server.url)/latest/meta-data/iam/security-credentials/"))
        #expect(response.status == 401)
    }

    @Test("IMDSv1 fallback when the token PUT is not offered, refused when v1 is disabled")
    func imdsV1() async throws {
        let server = try await CredentialServer.start("metadata_server.py", ["imds", "--no-v2"])
        defer { server.stop() }
        let v1 = AWSInstanceMetadataProvider(endpoint: server.url, allowIMDSv1: true, transport: try TestHTTP.client())
        #expect(try await v1.credentials().accessKeyId == "ASIAMETADATA0001")
        let v2only = AWSInstanceMetadataProvider(endpoint: server.url, allowIMDSv1: false, transport: try TestHTTP.client())
        let error = await #expect(throws: AWSCredentialError.self) { try await v2only.credentials() }
        #expect(error?.reason == "token request answered HTTP 404 and IMDSv1 is disabled")
    }

    @Test("no metadata service: the chain lists what it tried, with the reason")
    func nothingReachable() async throws {
        let scratch = try ScratchFolder("posture-metadata")
        let error = await #expect(throws: AWSCredentialError.self) {
            try await resolve(CredentialSupport.environment(scratch, [
                "AWS_EC2_METADATA_DISABLED": "false", "AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:9",
            ]))
        }
        #expect(error?.kind == .noCredentials)
        #expect(error?.description.hasPrefix(
            "no AWS credentials: tried environment, web identity, profile \"default\" in ~/.aws/config and ~/.aws/credentials, container, instance metadata (not reachable: ") == true)
    }
}
