import Foundation
import PostureTesting
import Testing
@testable import HTTP

@Suite("LoopbackServer")
struct LoopbackServerTests {
    @Test("a child that dies before printing PORT is reported with its status and stderr")
    func childDies() async throws {
        let error = await #expect(throws: LoopbackServer.Failure.self) {
            try await LoopbackServer.start(executable: "/usr/bin/env",
                                           arguments: ["python3", "-c", "import sys; sys.stderr.write('no upstream given'); sys.exit(3)"])
        }
        guard case .exited(_, let status, let stderr) = error else { Issue.record("expected .exited, got \(String(describing: error))"); return }
        #expect(status == 3)
        #expect(stderr.contains("no upstream given"))
    }

    @Test("a child that stays silent is stopped after the startup timeout")
    func childSilent() async throws {
        let (error, seconds) = await measure {
            await #expect(throws: LoopbackServer.Failure.self) {
                try await LoopbackServer.start(executable: "/usr/bin/env", arguments: ["python3", "-c", "import time; time.sleep(300)"],
                                               startupTimeout: 0.5)
            }
        }
        guard case .noPort = error else { Issue.record("expected .noPort, got \(String(describing: error))"); return }
        // The child sleeps 300 s; well before that means the startup timeout stopped it (the
        // bound is generous: on two shared cores the test may wait for a thread).
        #expect(seconds < 60, "the silent child was not waited for")
    }

    @Test("environment reaches the child; stop() returns its stderr, here the fault proxy's counts")
    func environmentAndStop() async throws {
        let echo = try await LoopbackServer.start(executable: "/usr/bin/env", arguments: ["python3", "-c", """
            import os, sys
            print("PORT " + os.environ["POSTURE_TEST_PORT"], flush=True)
            sys.stdin.read()
            """], environment: ["POSTURE_TEST_PORT": "4242"])
        #expect(echo.port == 4242 && echo.url == "http://127.0.0.1:4242")
        echo.stop()

        let server = try await TestServers.echo()
        let proxy = try await TestServers.proxy(to: server, ["--fail-first", "1", "--throttle", "1"])
        let client = try HTTPClient(quickConfiguration())
        defer { client.shutdown() }
        #expect(try await client.send(HTTPRequest(url: proxy.url + "/once")).status == 400)
        #expect(try await TestServers.faults(proxy) == ["slowdown": 0, "throttle": 1, "reset": 0, "delay": 0, "truncate": 0, "expired": 0, "redirect": 0])
        let stderr = proxy.stop()
        #expect(stderr.contains("injected faults: slowdown=0, throttle=1, reset=0, delay=0, truncate=0"))
        #expect(proxy.stop() == stderr, "stop() is idempotent")
    }
}
