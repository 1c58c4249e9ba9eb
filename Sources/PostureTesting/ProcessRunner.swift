import ChildProcess
import Foundation

/// What a child process printed, and how it ended.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// A child that did not finish in time: the test fails with this instead of hanging the run.
public struct ChildTimedOut: Error, CustomStringConvertible {
    public let command: String
    public let seconds: TimeInterval
    public let stderr: String
    public var description: String { "\(command): did not finish within \(Int(seconds)) s and was stopped; stderr:\n\(stderr)" }
}

/// Runs programs for tests with a time limit, through pipes no concurrently started child can
/// inherit (see `ExecPipe`). Call the async forms from async tests: the blocking ones hold a
/// thread of the cooperative pool, which has as many threads as cores.
public enum ChildRun {
    /// Runs `arguments` (the program is looked up in `PATH`), with `environment` added to this
    /// process's own.
    public static func run(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil,
                           stdin: String? = nil, timeout: TimeInterval = 300) async throws -> CommandResult {
        let merged = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = try await BoundedProcess.run(arguments, environment: merged, directory: directory,
                                                  stdin: stdin.map { Data($0.utf8) }, timeout: timeout)
        return try result(of: arguments, output, timeout)
    }

    /// `run`, blocking the calling thread.
    public static func runBlocking(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil,
                                   stdin: String? = nil, timeout: TimeInterval = 300) throws -> CommandResult {
        let merged = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = try BoundedProcess.runBlocking(arguments, environment: merged, directory: directory,
                                                    stdin: stdin.map { Data($0.utf8) }, timeout: timeout)
        return try result(of: arguments, output, timeout)
    }

    private static func result(of arguments: [String], _ output: BoundedProcess.Output, _ timeout: TimeInterval) throws -> CommandResult {
        let stderr = String(decoding: output.stderr, as: UTF8.self)
        if output.timedOut { throw ChildTimedOut(command: arguments.joined(separator: " "), seconds: timeout, stderr: stderr) }
        return CommandResult(status: output.status, stdout: String(decoding: output.stdout, as: UTF8.self), stderr: stderr)
    }
}

/// Runs the built `posture` binary, as a user would, and captures what it prints.
public enum PostureBinary {
    /// The `posture` executable beside the running test bundle (same build folder).
    public static var url: URL? {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            var folder = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("posture"))
                folder.deleteLastPathComponent()
            }
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("posture"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("posture"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs posture with `arguments`, feeding `stdin`, in `directory`, off the cooperative pool.
    /// - Throws: `ChildTimedOut` when it runs past `timeout` seconds.
    public static func run(_ arguments: [String], stdin: String? = nil, directory: URL? = nil,
                           environment: [String: String] = [:], timeout: TimeInterval = 300) async throws -> CommandResult {
        try await ChildRun.run([try path()] + arguments, environment: environment, directory: directory, stdin: stdin, timeout: timeout)
    }

    private static func path() throws -> String {
        guard let url else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "posture binary not found beside the tests"]) }
        return url.path
    }
}
