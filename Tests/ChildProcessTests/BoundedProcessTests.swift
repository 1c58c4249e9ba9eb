import ChildProcess
import Foundation
import Testing

@Suite("Child processes")
struct BoundedProcessTests {
    @Test("stdin is fed, stdout and stderr come back apart, the directory and environment are the child's")
    func streams() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("posture-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try await BoundedProcess.run(
            ["sh", "-c", "tr a-z A-Z; pwd >&2; echo \"$MARK\" >&2; exit 7"],
            environment: ["PATH": "/usr/bin:/bin", "MARK": "marked"], directory: folder, stdin: Data("hello\n".utf8), timeout: 30)
        #expect(output.status == 7)
        #expect(String(decoding: output.stdout, as: UTF8.self) == "HELLO\n")
        let stderr = String(decoding: output.stderr, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(stderr.count == 2)
        #expect(URL(fileURLWithPath: stderr.first ?? "").resolvingSymlinksInPath().path == folder.resolvingSymlinksInPath().path)
        #expect(stderr.last == "marked")
        #expect(!output.timedOut)
    }

    @Test("a child past its time limit is stopped and says so")
    func timeLimit() async throws {
        let output = try await BoundedProcess.run(["sleep", "30"], environment: ["PATH": "/usr/bin:/bin"], timeout: 0.5)
        #expect(output.timedOut)
        #expect(output.status == 128 + SIGTERM, "stopped by SIGTERM at the limit, not at its own end (status 0)")
    }

    @Test("a missing program is an error naming it")
    func missing() async throws {
        await #expect(throws: BoundedProcess.LaunchError.self) {
            try await BoundedProcess.run(["posture-no-such-program"], environment: ["PATH": "/usr/bin:/bin"], timeout: 5)
        }
    }

    /// The hang CI met: Foundation's `Pipe` is not close-on-exec, and `Process` picks the
    /// descriptors to close in the child before it spawns, so a pipe opened by another thread in
    /// between leaks into that unrelated child. The pipe's reader then waits for the unrelated
    /// child to end. Here long-lived children are spawned while short ones run through
    /// `BoundedProcess`; every short run must end long before the long-lived children do.
    /// With Foundation's `Process` and `Pipe` about 1 run in 150 waited for a `sleep`.
    @Test("pipes do not leak into children started at the same moment by other threads")
    func noLeakedPipes() async throws {
        let sleeperSeconds = 8.0
        let slowest = Locked(0.0), failures = Locked([String]())
        let done = DispatchGroup()
        for _ in 0..<3 {
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                for _ in 0..<120 {
                    let sleeper = Process()
                    sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
                    sleeper.arguments = [String(sleeperSeconds)]
                    sleeper.standardOutput = FileHandle.nullDevice
                    sleeper.standardError = FileHandle.nullDevice
                    do { try sleeper.run() } catch { failures.mutate { $0.append("sleep: \(error)") } }
                }
            }
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                for _ in 0..<120 {
                    let start = Date()
                    do {
                        let output = try BoundedProcess.runBlocking(["/bin/echo", "ok"], environment: [:], timeout: 60)
                        if output.stdout != Data("ok\n".utf8) { failures.mutate { $0.append("echo printed \(output.stdout)") } }
                    } catch {
                        failures.mutate { $0.append("echo: \(error)") }
                    }
                    let seconds = Date().timeIntervalSince(start)
                    slowest.mutate { $0 = max($0, seconds) }
                }
            }
        }
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { done.wait(); continuation.resume() }
        }
        #expect(failures.value.isEmpty, "\(failures.value.prefix(3))")
        #expect(slowest.value < sleeperSeconds / 2, "a run waited for an unrelated child: its pipe leaked")
    }
}

/// A value shared by the threads of one test.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
