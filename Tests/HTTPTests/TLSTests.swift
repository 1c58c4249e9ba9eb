import Foundation
import PostureTesting
import Testing
@testable import HTTP

@Suite("TLS verification")
struct TLSTests {
    /// `openssl` on PATH, or nil (the tests then skip with the reason).
    static let openssl: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A throwaway CA and a server certificate for `name` (IP 127.0.0.1 by default), signed by it.
    static func makeCertificates(in folder: ScratchFolder, openssl: String, name: String = "IP:127.0.0.1") throws -> TLSFiles {
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try run(openssl, ["req", "-x509"] + key + ["-keyout", folder.path("ca.key"), "-out", folder.path("ca.pem"),
            "-days", "2", "-subj", "/CN=posture test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        try run(openssl, ["req"] + key + ["-keyout", folder.path("server.key"), "-out", folder.path("server.csr"), "-subj", "/CN=posture test server"])
        let extensions = try folder.write("server.ext", """
            basicConstraints=CA:FALSE
            subjectAltName=\(name)
            extendedKeyUsage=serverAuth
            """)
        try run(openssl, ["x509", "-req", "-in", folder.path("server.csr"), "-CA", folder.path("ca.pem"), "-CAkey", folder.path("ca.key"),
                          "-CAcreateserial", "-out", folder.path("server.pem"), "-days", "2", "-extfile", extensions])
        return TLSFiles(caCertificate: folder.path("ca.pem"), certificate: folder.path("server.pem"), key: folder.path("server.key"))
    }

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let result = try ChildRun.runBlocking([executable] + arguments, timeout: 60)
        guard result.status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments.first ?? ""): \(result.stderr)"])
        }
    }

    @Test("an unknown CA fails with .tls and is not retried; with caBundle the same server answers")
    func verification() async throws {
        guard let openssl = Self.openssl else {
            print("TLSTests skipped: no openssl executable to make a test CA")
            return
        }
        let (folder, files) = try await OffPool.run {
            let folder = try ScratchFolder("posture-tls")
            return (folder.url, try Self.makeCertificates(in: folder, openssl: openssl))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await TestServers.echo(tls: files)
        let url = server.url(scheme: "https") + "/tls"

        let untrusting = try HTTPClient(quickConfiguration { $0.maxAttempts = 3 })
        defer { untrusting.shutdown() }
        let error = await #expect(throws: HTTPError.self) { try await untrusting.send(HTTPRequest(url: url)) }
        #expect(error?.kind == .tls)
        #expect(error?.attempts == 1, "a certificate problem does not heal on retry")

        let trusting = try HTTPClient(quickConfiguration { $0.caBundle = files.caCertificate })
        defer { trusting.shutdown() }
        let response = try await trusting.send(HTTPRequest(url: url))
        #expect(response.status == 200)
        #expect(try Echo(response).path == "/tls")
    }

    @Test("a certificate for another name fails with .tls even when its CA is trusted")
    func hostVerification() async throws {
        guard let openssl = Self.openssl else {
            print("TLSTests skipped: no openssl executable to make a test CA")
            return
        }
        let (folder, files) = try await OffPool.run {
            let folder = try ScratchFolder("posture-tls")
            return (folder.url, try Self.makeCertificates(in: folder, openssl: openssl, name: "DNS:elsewhere.invalid"))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await TestServers.echo(tls: files)
        let client = try HTTPClient(quickConfiguration { $0.caBundle = files.caCertificate })
        defer { client.shutdown() }
        let error = await #expect(throws: HTTPError.self) {
            try await client.send(HTTPRequest(url: server.url(scheme: "https") + "/tls"))
        }
        #expect(error?.kind == .tls)
    }
}
