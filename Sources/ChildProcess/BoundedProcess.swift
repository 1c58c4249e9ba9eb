import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program directly (no shell) with a time limit, capturing both output streams.
///
/// Used for `credential_process`, where a hung helper must not hang the scan, and by the
/// tests for every child they run (posture itself, python helpers), where a hung child must
/// fail one test instead of the whole run. Children are `Child`ren and pipes `ExecPipe`s, so
/// that programs started concurrently on other threads never inherit each other's output or
/// hide each other's end.
public enum BoundedProcess {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: Data
        /// The child was stopped at the time limit, or its output did not close after it exited.
        public var timedOut: Bool
    }

    public enum LaunchError: Error, CustomStringConvertible {
        case notFound(String)
        case cannotStart(String)

        public var description: String {
            switch self {
            case .notFound(let program): "program '\(program)' not found"
            case .cannotStart(let program): "cannot start '\(program)'"
            }
        }
    }

    /// Runs `arguments[0]` (searched in `PATH` when it has no `/`, like `execvp`) on a thread of
    /// its own: process handling and blocking pipe reads do not belong on the cooperative pool.
    /// - Parameters:
    ///   - environment: the child's whole environment (its `PATH` is also where the program is looked up).
    ///   - directory: the child's working directory; this process's when nil.
    ///   - stdin: written to the child's standard input, which is then closed (at once when nil).
    ///   - timeout: seconds before the child is stopped (SIGTERM, then SIGKILL a second later).
    public static func run(_ arguments: [String], environment: [String: String], directory: URL? = nil,
                           stdin: Data? = nil, timeout: TimeInterval) async throws(LaunchError) -> Output {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Output, LaunchError>, Never>) in
            Thread.detachNewThread {
                continuation.resume(returning: Result { () throws(LaunchError) -> Output in
                    try runBlocking(arguments, environment: environment, directory: directory, stdin: stdin, timeout: timeout)
                })
            }
        }
        return try result.get()
    }

    /// `run`, blocking the calling thread. Never call it from a task on the cooperative pool.
    public static func runBlocking(_ arguments: [String], environment: [String: String], directory: URL? = nil,
                                   stdin: Data? = nil, timeout: TimeInterval) throws(LaunchError) -> Output {
        guard let program = arguments.first else { throw .notFound("") }
        guard let executable = locate(program, path: environment["PATH"]) else { throw .notFound(program) }
        let out: ExecPipe, err: ExecPipe, input: ExecPipe
        do {
            (out, err, input) = (try ExecPipe(), try ExecPipe(), try ExecPipe())
        } catch {
            throw .cannotStart(executable)
        }
        let child: Child
        do {
            child = try Child(executable: executable, arguments: Array(arguments.dropFirst()), environment: environment,
                              directory: directory?.path, stdin: input.reading.fileDescriptor,
                              stdout: out.writing.fileDescriptor, stderr: err.writing.fileDescriptor)
        } catch {
            throw .cannotStart(executable)
        }
        // The child holds its own copies now; the parent's write ends must go, or the readers
        // below would never see end-of-file.
        try? out.writing.close()
        try? err.writing.close()
        try? input.reading.close()
        // Fed from a thread of its own: a child that writes before reading must not block us.
        // With nothing to feed, stdin is closed at once and the child reads end-of-file.
        Thread.detachNewThread {
            if let stdin { try? input.writing.write(contentsOf: stdin) }
            try? input.writing.close()
        }
        // Drain both pipes while the child runs, so that a chatty child cannot block on a full pipe.
        let outBox = DataBox(), errBox = DataBox()
        let drained = DispatchGroup()
        for (pipe, box) in [(out, outBox), (err, errBox)] {
            drained.enter()
            Thread.detachNewThread {
                box.set(pipe.reading.readDataToEndOfFile())
                drained.leave()
            }
        }
        var timedOut = false
        if child.wait(seconds: timeout) == nil {
            timedOut = true
            child.stop(grace: 1)
        }
        // The readers finish once the pipes close, normally right after the exit. A grandchild
        // that inherited a pipe could keep it open: wait a bounded while, then give up on the
        // output rather than parse half of it.
        if drained.wait(timeout: .now() + 10) == .timedOut { timedOut = true }
        return Output(status: child.wait().status, stdout: outBox.get(), stderr: errBox.get(), timedOut: timedOut)
    }

    private static func locate(_ program: String, path: String?) -> String? {
        if program.contains("/") { return program }
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = folder + "/" + program
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// A value written by one reader thread and read after it finished.
private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
