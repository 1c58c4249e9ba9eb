import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program directly (no shell) with a time limit, capturing both output streams.
/// Used for `credential_process`: a hung helper must not hang the scan.
enum BoundedProcess {
    struct Output: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var timedOut: Bool
    }

    enum LaunchError: Error {
        case notFound(String)
        case cannotStart(String)
    }

    /// Runs `arguments[0]` (searched in `PATH` when it has no `/`, like `execvp`).
    static func run(_ arguments: [String], environment: [String: String], timeout: TimeInterval) async throws(LaunchError) -> Output {
        guard let program = arguments.first else { throw .notFound("") }
        guard let executable = locate(program, path: environment["PATH"]) else { throw .notFound(program) }
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Output, LaunchError>, Never>) in
            // Process and blocking pipe reads belong on a thread of their own, not the
            // cooperative pool.
            Thread.detachNewThread {
                continuation.resume(returning: runBlocking(executable, Array(arguments.dropFirst()), environment, timeout))
            }
        }
        return try result.get()
    }

    private static func runBlocking(_ executable: String, _ arguments: [String], _ environment: [String: String],
                                    _ timeout: TimeInterval) -> Result<Output, LaunchError> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            return .failure(.cannotStart(executable))
        }
        // Drain both pipes while the child runs, so that a chatty child cannot block on a full pipe.
        let outBox = DataBox(), errBox = DataBox()
        let drained = DispatchGroup()
        for (pipe, box) in [(out, outBox), (err, errBox)] {
            drained.enter()
            DispatchQueue.global().async {
                box.set(pipe.fileHandleForReading.readDataToEndOfFile())
                drained.leave()
            }
        }
        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if exited.wait(timeout: .now() + 1) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                exited.wait()
            }
        }
        // The readers finish once the pipes close, normally right after the exit. A grandchild
        // that inherited a pipe could keep it open: wait a bounded while, then give up on the
        // output rather than parse half of it.
        if drained.wait(timeout: .now() + 10) == .timedOut { timedOut = true }
        return .success(Output(status: process.terminationStatus, stdout: outBox.get(), stderr: errBox.get(), timedOut: timedOut))
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
