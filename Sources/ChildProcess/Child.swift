import CSpawn
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A started program, watched with `waitpid` on a thread of its own.
///
/// Not Foundation's `Process`: on Linux it learns that a child ended when a socket the child
/// holds closes, and that socket is not close-on-exec. A program another thread starts at the
/// same moment inherits it, and the first child's end then goes unnoticed (`waitUntilExit`,
/// `isRunning`, `terminationHandler`) until the second one ends too. `Child` starts programs
/// with `posix_spawn`, hands them 0, 1 and 2 and nothing else, and asks the kernel directly.
public final class Child: @unchecked Sendable {
    /// How a child ended.
    public enum Termination: Sendable, Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        /// The exit status a shell reports: the code, or 128 plus the signal.
        public var status: Int32 {
            switch self {
            case .exited(let code): code
            case .signalled(let signal): 128 + signal
            }
        }

        public var description: String {
            switch self {
            case .exited(let code): "exited with status \(code)"
            case .signalled(let signal): "killed by signal \(signal)"
            }
        }
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public let executable: String
        public let code: Int32
        public var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    public let pid: pid_t

    /// `/dev/null`, open for reading and writing, for a child's stream that goes nowhere.
    /// (`FileHandle.nullDevice` has no descriptor on Linux.) Opened once, never closed.
    public static let nullDevice: Int32 = open("/dev/null", O_RDWR | O_CLOEXEC)
    private let condition = NSCondition()
    private var ended: Termination?

    /// Starts `executable` (a path, not searched) with `arguments`, `environment` as its whole
    /// environment, in `directory`, reading `stdin` and writing `stdout` and `stderr` (file
    /// descriptors; the child gets copies, the caller keeps and closes its own).
    public init(executable: String, arguments: [String], environment: [String: String], directory: String? = nil,
                stdin: Int32, stdout: Int32, stderr: Int32) throws(SpawnError) {
        var pid: pid_t = 0
        let argv = [executable] + arguments
        let envp = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let code = withCStrings(argv) { argvPointers in
            withCStrings(envp) { envPointers in
                if let directory {
                    return directory.withCString { posture_spawn(&pid, executable, argvPointers, envPointers, $0, stdin, stdout, stderr) }
                }
                return posture_spawn(&pid, executable, argvPointers, envPointers, nil, stdin, stdout, stderr)
            }
        }
        guard code == 0 else { throw SpawnError(executable: executable, code: code) }
        self.pid = pid
        let watcher = Thread { [self] in self.reap() }
        watcher.name = "posture child \(pid)"
        watcher.start()
    }

    /// How the child ended, or nil while it runs.
    public var termination: Termination? {
        condition.lock()
        defer { condition.unlock() }
        return ended
    }

    public var isRunning: Bool { termination == nil }

    /// Waits up to `seconds` for the child to end; nil when it still runs.
    @discardableResult
    public func wait(seconds: TimeInterval) -> Termination? {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while ended == nil {
            if !condition.wait(until: deadline) { break }
        }
        return ended
    }

    /// Waits for the child to end, however long that takes.
    public func wait() -> Termination {
        condition.lock()
        defer { condition.unlock() }
        while ended == nil { condition.wait() }
        return ended ?? .exited(-1)
    }

    /// Sends `signal` unless the child has already been reaped (its pid may then be another's).
    public func send(_ signal: Int32) {
        condition.lock()
        defer { condition.unlock() }
        if ended == nil { kill(pid, signal) }
    }

    /// SIGTERM, then SIGKILL after `grace` seconds; returns once the child has ended.
    @discardableResult
    public func stop(grace: TimeInterval = 2) -> Termination {
        send(SIGTERM)
        if let ended = wait(seconds: grace) { return ended }
        send(SIGKILL)
        return wait()
    }

    private func reap() {
        var status: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(pid, &status, 0) } while result == -1 && errno == EINTR
        // Decoded by hand: the W* macros are not imported into Swift.
        let termination: Termination = result == -1 ? .exited(-1)
            : status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
        condition.lock()
        ended = termination
        condition.broadcast()
        condition.unlock()
    }
}

/// Calls `body` with a NULL-terminated array of C strings that live for the call.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
}
