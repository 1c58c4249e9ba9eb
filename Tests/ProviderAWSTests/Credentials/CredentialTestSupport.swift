import Foundation
import HTTP
import PostureTesting
@testable import ProviderAWS

/// Paths of the helper scripts beside these tests.
enum CredentialSupport {
    static func script(_ name: String, from filePath: String = #filePath) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Support").appendingPathComponent(name).path
    }

    /// An environment with nothing from this machine's AWS setup: files in the scratch folder,
    /// instance metadata off unless a test turns it on.
    static func environment(_ scratch: ScratchFolder, _ extra: [String: String] = [:]) -> [String: String] {
        [
            "HOME": scratch.path(),
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "AWS_EC2_METADATA_DISABLED": "true",
        ].merging(extra) { _, new in new }
    }
}

/// A Python server from Support/ on 127.0.0.1 with a free port. It prints `PORT <n>` first and
/// stops when its stdin closes.
enum CredentialServer {
    static func start(_ script: String, _ arguments: [String] = []) async throws -> LoopbackServer {
        try await LoopbackServer.start(executable: "/usr/bin/env", arguments: ["python3", CredentialSupport.script(script)] + arguments,
                                       environment: ["PYTHONUNBUFFERED": "1"])
    }
}

/// The real libcurl client, with timeouts short enough for loopback servers.
enum TestHTTP {
    static func client() throws -> HTTPClient {
        var configuration = HTTPClientConfiguration()
        configuration.connectTimeout = 2
        configuration.attemptTimeout = 10
        configuration.totalTimeout = 20
        configuration.maxAttempts = 2
        return try HTTPClient(configuration)
    }

    /// The configuration the live session gives the metadata client.
    static func metadataClient() throws -> HTTPClient { try HTTPClient(.instanceMetadata) }
}

/// Signs with the real SigV4 signer and records which credentials signed what.
final class RecordingSigner: @unchecked Sendable {
    private let lock = NSLock()
    private var signed: [(accessKeyId: String, region: String, service: String)] = []

    var calls: [(accessKeyId: String, region: String, service: String)] { lock.withLock { signed } }

    var sign: AWSRequestSigning {
        { [self] request, credentials, region, service in
            lock.withLock { signed.append((credentials.accessKeyId, region, service)) }
            let key = SigningKeyMaterial(accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey,
                                         sessionToken: credentials.sessionToken)
            try SigV4Signer(service: service, region: region).sign(&request, key: key, date: Date())
        }
    }
}

/// A transport that must not be used: offline tests pass it to prove nothing went to the network.
struct UnusedTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        throw HTTPError(kind: .invalidRequest, message: "offline test sent \(request.label)", label: request.label, attempts: 1)
    }
}

extension AWSCredentialChain {
    /// The chain with offline defaults: no transport is expected to be used.
    static func resolveOffline(_ options: AWSCredentialOptions = AWSCredentialOptions(),
                               _ environment: [String: String]) async throws(AWSCredentialError) -> AWSCredentialResolution {
        try await resolve(options: options, environment: environment, transport: UnusedTransport(),
                          metadataTransport: UnusedTransport(), sign: { _, _, _, _ in }, stsEndpoint: { "https://sts.\($0).amazonaws.com" })
    }
}
