import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
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

/// A Python server from Support/ (or moto), on 127.0.0.1 with a free port. It prints its port
/// first and stops when its stdin closes.
final class LocalServer: @unchecked Sendable {
    let process = Process()
    let input = Pipe()
    let port: Int
    var url: String { "http://127.0.0.1:\(port)" }

    init(_ script: String, _ arguments: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(script) printed no port"])
        }
        self.port = port
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { if process.isRunning { stop() } }
}

/// Sends requests with URLSession (libcurl underneath on Linux), calling `prepare` as the real
/// client does. Stands in for the HTTP target's client until that lands on main.
struct URLSessionTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        var request = request
        do {
            try request.prepare?(&request)
        } catch {
            throw HTTPError(kind: .invalidRequest, message: "prepare failed", label: request.label, attempts: 1)
        }
        guard let url = URL(string: request.url) else {
            throw HTTPError(kind: .invalidRequest, message: "bad URL", label: request.label, attempts: 1)
        }
        var urlRequest = URLRequest(url: url, timeoutInterval: 5)
        urlRequest.httpMethod = request.method
        for header in request.headers { urlRequest.addValue(header.value, forHTTPHeaderField: header.name) }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        do {
            let (data, response) = try await URLSession.shared.data(for: urlRequest)
            guard let http = response as? HTTPURLResponse else {
                throw HTTPError(kind: .connection, message: "not HTTP", label: request.label, attempts: 1)
            }
            var headers: [String: String] = [:]
            for (name, value) in http.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: data, url: request.url)
        } catch let error as HTTPError {
            throw error
        } catch {
            throw HTTPError(kind: .connection, message: "\((error as NSError).localizedDescription)", label: request.label, attempts: 1)
        }
    }
}

/// Stands in for SigV4 (moto accepts any signature): writes an Authorization header that names
/// the access key, so moto attributes the call, and records which credentials signed.
final class RecordingSigner: @unchecked Sendable {
    private let lock = NSLock()
    private var signed: [(accessKeyId: String, region: String, service: String)] = []

    var calls: [(accessKeyId: String, region: String, service: String)] { lock.withLock { signed } }

    var sign: AWSRequestSigning {
        { [self] request, credentials, region, service in
            lock.withLock { signed.append((credentials.accessKeyId, region, service)) }
            request.headers.append(HTTPHeader(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/20240101/\(region)/\(service)/aws4_request, SignedHeaders=host, Signature=00"))
            if let token = credentials.sessionToken { request.headers.append(HTTPHeader("X-Amz-Security-Token", token)) }
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
