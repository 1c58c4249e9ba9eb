import Foundation
import PostureTesting
import Testing
@testable import HTTP

@Suite("Shutdown and cancellation")
struct ShutdownTests {
    /// Polls `condition` every 20 ms for up to `seconds`.
    private func eventually(_ seconds: Double = 10, _ condition: () -> Bool) async -> Bool {
        let deadline = MonotonicClock().now() + seconds
        while MonotonicClock().now() < deadline {
            if condition() { return true }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return condition()
    }

    @Test("shutdown ends requests in flight and waiting with .cancelled, and refuses new ones")
    func shutdownInFlight() async throws {
        let server = try await TestServers.echo()
        let client = try HTTPClient(quickConfiguration { $0.concurrency = 2 })
        let tasks = (0..<4).map { index in
            Task { () -> HTTPError.Kind? in
                do {
                    _ = try await client.send(HTTPRequest(url: server.url + "/slow/20?n=\(index)"))
                    return nil
                } catch {
                    return (error as? HTTPError)?.kind
                }
            }
        }
        #expect(await eventually { client.statistics.inFlight == 2 })
        let (kinds, seconds) = await measure {
            client.shutdown()
            var kinds: [HTTPError.Kind?] = []
            for task in tasks { kinds.append(await task.value) }
            return kinds
        }
        #expect(kinds == Array(repeating: .cancelled, count: 4))
        #expect(seconds < 10, "the 20 s answers were not awaited")
        let after = await #expect(throws: HTTPError.self) { try await client.send(HTTPRequest(url: server.url + "/")) }
        #expect(after?.kind == .cancelled)
        #expect(await eventually { client.statistics.inFlight == 0 })
    }

    @Test("shutdown ends a backoff wait at once")
    func shutdownDuringBackoff() async throws {
        let server = try await TestServers.echo()
        let events = EventLog()
        let client = try HTTPClient(quickConfiguration {
            $0.backoffCap = 60
            $0.totalTimeout = 120
            $0.observer = { events.record($0) }
        })
        let request = HTTPRequest(url: server.url + "/retry-after/50", headers: [HTTPHeader("X-Client-Id", "shutdown")])
        let task = Task { try await client.send(request) }
        #expect(await eventually { !events.retryDelays.isEmpty })
        let (result, seconds) = await measure {
            client.shutdown()
            return await task.result
        }
        #expect(seconds < 10)
        guard case .failure(let error) = result else { Issue.record("expected .cancelled, got a response"); return }
        #expect((error as? HTTPError)?.kind == .cancelled)
    }

    @Test("cancelling the calling task ends its request with .cancelled; the client keeps working")
    func taskCancellation() async throws {
        let server = try await TestServers.echo()
        let client = try HTTPClient(quickConfiguration())
        defer { client.shutdown() }
        let task = Task { try await client.send(HTTPRequest(url: server.url + "/slow/20")) }
        #expect(await eventually { client.statistics.inFlight == 1 })
        let (result, seconds) = await measure {
            task.cancel()
            return await task.result
        }
        #expect(seconds < 10)
        guard case .failure(let error) = result else { Issue.record("expected .cancelled, got a response"); return }
        #expect((error as? HTTPError)?.kind == .cancelled)
        let next = try await client.send(HTTPRequest(url: server.url + "/after"))
        #expect(next.status == 200)
        #expect(await eventually { client.statistics.inFlight == 0 })
    }
}
