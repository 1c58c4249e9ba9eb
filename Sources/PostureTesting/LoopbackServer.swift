import ChildProcess
import Foundation

/// A server for tests, run as a child process on 127.0.0.1: a script from `Tests/Support/`
/// (echo server, fault proxy) or any command (`moto_server`) that prints `PORT <n>` on stdout
/// once it listens.
///
/// The server is stopped by `stop()` or, at the latest, when the value is released.
///
/// From async code use `start(...)`: the initializers block while the child starts, and
/// blocking Swift's few cooperative threads stalls every other test running in parallel.
public final class LoopbackServer: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case couldNotStart(command: String, reason: String)
        case exited(command: String, status: Int32, stderr: String)
        case noPort(command: String, seconds: Double, stderr: String)

        public var description: String {
            switch self {
            case .couldNotStart(let command, let reason): "\(command): could not start: \(reason)"
            case .exited(let command, let status, let stderr): "\(command): exited with status \(status) before printing PORT; stderr:\n\(stderr)"
            case .noPort(let command, let seconds, let stderr): "\(command): printed no PORT line within \(seconds) s; stderr:\n\(stderr)"
            }
        }
    }

    /// The port the server printed.
    public let port: Int
    /// The command line, for messages.
    public let command: String
    private let child: Child
    /// Held open while the server runs: the servers stop when their stdin closes.
    private let stdinPipe: ExecPipe
    private let stderrFile: URL
    private let lock = NSLock()
    private var stopped = false

    /// `http://127.0.0.1:<port>` (`https` when `scheme` says so).
    public func url(scheme: String = "http") -> String { "\(scheme)://127.0.0.1:\(port)" }
    public var url: String { url() }

    /// Runs `python3 Tests/Support/<script> <arguments>` from the package root.
    /// - Parameters:
    ///   - script: a file name in `Tests/Support/`.
    ///   - arguments: the script's arguments.
    ///   - environment: added to (and overriding) this process's environment.
    ///   - startupTimeout: seconds to wait for the `PORT` line.
    /// - Throws: `Failure` with the child's stderr when it dies or stays silent.
    public convenience init(script: String, arguments: [String] = [], environment: [String: String] = [:],
                            startupTimeout: Double = 30, filePath: String = #filePath) throws {
        let path = TestPaths.packageRoot(from: filePath).appendingPathComponent("Tests/Support").appendingPathComponent(script).path
        try self.init(executable: "/usr/bin/env", arguments: ["python3", path] + arguments,
                      environment: environment.merging(["PYTHONUNBUFFERED": "1"]) { mine, _ in mine },
                      startupTimeout: startupTimeout)
    }

    /// Runs any command that prints `PORT <n>` on stdout once it listens.
    /// - Parameters:
    ///   - executable: the program's path (`/usr/bin/env` to search `PATH`).
    ///   - arguments: its arguments.
    ///   - environment: added to (and overriding) this process's environment.
    ///   - startupTimeout: seconds to wait for the `PORT` line.
    /// - Throws: `Failure` with the child's stderr when it dies or stays silent.
    public init(executable: String, arguments: [String], environment: [String: String] = [:], startupTimeout: Double = 30) throws {
        command = ([executable] + arguments).joined(separator: " ")
        // stderr goes to a file, not a pipe: a chatty server can never block on a full pipe.
        stderrFile = FileManager.default.temporaryDirectory.appendingPathComponent("loopback-\(UUID().uuidString).stderr")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        // A `Child` with close-on-exec pipes: a program another test starts at the same moment
        // must not inherit them, or this one's stdout would never close (see `ExecPipe`, `Child`).
        let stdoutPipe: ExecPipe
        do {
            stdoutPipe = try ExecPipe()
            stdinPipe = try ExecPipe()
            let stderrHandle = try FileHandle(forWritingTo: stderrFile)
            defer { try? stderrHandle.close() }
            child = try Child(executable: executable, arguments: arguments,
                              environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
                              stdin: stdinPipe.reading.fileDescriptor, stdout: stdoutPipe.writing.fileDescriptor,
                              stderr: stderrHandle.fileDescriptor)
        } catch {
            throw Failure.couldNotStart(command: command, reason: "\(error)")
        }
        try? stdoutPipe.writing.close()
        try? stdinPipe.reading.close()
        let found = PortLine()
        Self.readPort(from: stdoutPipe.reading, into: found)
        if let port = Self.waitForPort(found, child, seconds: startupTimeout) {
            self.port = port
            return
        }
        // Stdout closed or the child ended: give it a moment to be reaped, then say which.
        let ended = child.wait(seconds: found.isSet ? 5 : 0)
        child.stop()
        let stderr = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: stderrFile)
        if let ended { throw Failure.exited(command: command, status: ended.status, stderr: stderr) }
        throw Failure.noPort(command: command, seconds: startupTimeout, stderr: stderr)
    }

    /// The port, or nil once stdout closed, the child ended, or `seconds` passed.
    private static func waitForPort(_ found: PortLine, _ child: Child, seconds: Double) -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let port = found.wait(seconds: 0.1) { return port }
            if found.isSet { return nil }
            if !child.isRunning { return found.wait(seconds: 0.5) }
        }
        return nil
    }

    /// Starts `python3 Tests/Support/<script>` without blocking a cooperative thread.
    public static func start(script: String, arguments: [String] = [], environment: [String: String] = [:],
                             startupTimeout: Double = 30, filePath: String = #filePath) async throws -> LoopbackServer {
        try await OffPool.run {
            try LoopbackServer(script: script, arguments: arguments, environment: environment,
                               startupTimeout: startupTimeout, filePath: filePath)
        }
    }

    /// Starts any command that prints `PORT <n>`, without blocking a cooperative thread.
    public static func start(executable: String, arguments: [String], environment: [String: String] = [:],
                             startupTimeout: Double = 30) async throws -> LoopbackServer {
        try await OffPool.run {
            try LoopbackServer(executable: executable, arguments: arguments, environment: environment, startupTimeout: startupTimeout)
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: stderrFile)
    }

    /// Stops the server (SIGTERM, then SIGKILL after two seconds) and returns what it wrote to
    /// stderr. Safe to call more than once.
    @discardableResult
    public func stop() -> String {
        lock.lock()
        defer { lock.unlock() }
        if !stopped {
            stopped = true
            // The servers stop when stdin closes; SIGTERM and SIGKILL are for those that do not.
            try? stdinPipe.writing.close()
            child.stop()
        }
        let stderr = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
        return stderr
    }

    /// What the server has written to stderr so far.
    public var standardError: String {
        (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
    }

    /// Reads stdout on its own thread until the `PORT` line, then keeps draining it so that the
    /// server never blocks writing to a full pipe.
    private static func readPort(from handle: FileHandle, into found: PortLine) {
        let thread = Thread {
            var buffer = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                guard !found.isSet else { continue }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer.removeSubrange(buffer.startIndex...newline)
                    let fields = line.split(separator: " ")
                    if fields.count == 2, fields[0] == "PORT", let port = Int(fields[1]) {
                        found.set(port)
                        break
                    }
                }
            }
            found.set(nil)
        }
        thread.start()
    }
}

/// The port a server printed, handed from the reading thread to the starting one.
private final class PortLine: @unchecked Sendable {
    private let condition = NSCondition()
    private var done = false
    private var port: Int?

    var isSet: Bool {
        condition.lock()
        defer { condition.unlock() }
        return done
    }

    /// Records the port (nil: stdout closed without one). Only the first call counts.
    func set(_ value: Int?) {
        condition.lock()
        defer { condition.unlock() }
        guard !done else { return }
        done = true
        port = value
        condition.broadcast()
    }

    func wait(seconds: Double) -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while !done {
            if !condition.wait(until: deadline) { break }
        }
        return port
    }
}

/// Runs blocking work (starting processes, waiting for them) on a thread of its own, so that
/// async tests do not tie up the cooperative pool, which has only as many threads as cores.
public enum OffPool {
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
