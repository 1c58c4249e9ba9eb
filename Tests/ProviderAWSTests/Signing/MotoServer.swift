import ChildProcess
import Foundation
import HTTP
import PostureTesting

/// A `moto_server` on a loopback port for one test, and a way to send `HTTPRequest`s to it with
/// the curl command line (libcurl, like the product's transport; the HTTP target's own client
/// is another module's work).
final class MotoServer {
    let port: Int
    private let child: Child

    var baseURL: String { "http://127.0.0.1:\(port)" }

    static var executable: URL? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("moto_server") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Starts moto on a free port and waits (at most 30 s) until it answers.
    init() throws {
        guard let executable = Self.executable else { throw Failure(description: "moto_server not on PATH") }
        port = try Self.freePort()
        let null = Child.nullDevice
        child = try Child(executable: executable.path, arguments: ["-H", "127.0.0.1", "-p", String(port)],
                          environment: ProcessInfo.processInfo.environment, stdin: null, stdout: null, stderr: null)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let response = try? send(HTTPRequest(url: baseURL + "/moto-api/data.json")), response.status == 200 { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        child.stop()
        throw Failure(description: "moto_server did not answer on port \(port) within 30 s")
    }

    deinit {
        child.stop()
    }

    /// Lets the next `count` requests through without authentication, then checks every
    /// signature (moto recomputes it with botocore's signer).
    func requireAuthentication(after count: Int) throws {
        let response = try send(HTTPRequest(method: "POST", url: baseURL + "/moto-api/reset-auth",
                                            headers: [HTTPHeader("Content-Type", "text/plain")], body: Data(String(count).utf8)))
        guard response.status == 200 else { throw Failure(description: "reset-auth answered \(response.status)") }
    }

    /// Sends the request exactly as signed: method, URL, every header, body.
    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("moto-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bodyFile = scratch.appendingPathComponent("request"), answerFile = scratch.appendingPathComponent("answer")
        var arguments = ["-s", "--globoff", "-o", answerFile.path, "-w", "%{http_code}", "-X", request.method]
        // An empty Content-Type stops curl adding its form type to bodies we did not sign with one.
        if request.header("Content-Type") == nil { arguments += ["-H", "Content-Type:"] }
        for header in request.headers { arguments += ["-H", "\(header.name): \(header.value)"] }
        if !request.body.isEmpty {
            try request.body.write(to: bodyFile)
            arguments += ["--data-binary", "@" + bodyFile.path]
        }
        arguments.append(request.url)
        let curl = try ChildRun.runBlocking(["curl"] + arguments, timeout: 60)
        guard curl.status == 0, let code = Int(curl.stdout) else {
            throw Failure(description: "curl exited \(curl.status) for \(request.label)")
        }
        return HTTPResponse(status: code, body: (try? Data(contentsOf: answerFile)) ?? Data())
    }

    private static func freePort() throws -> Int {
        // Bind port 0, read the port the kernel chose, close: moto binds it right after.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "could not bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
