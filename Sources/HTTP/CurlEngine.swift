import CCurl
import Foundation

/// The libcurl multi handle and the one thread that drives it.
///
/// Tasks hand attempts over through a locked queue and wake the thread with
/// `curl_multi_wakeup`; the thread adds at most `concurrency` of them to the multi handle, in
/// the order they came, and resumes each task's continuation when its transfer ends. Timed
/// waits (backoff, rate limits) are kept here too, so that `shutdown` ends them at once.
final class CurlEngine: Sendable {
    private struct Sleeper {
        var until: Double
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct Shared {
        var nextID: UInt64 = 1
        var pending: [CurlTransfer] = []
        var sleepers: [UInt64: Sleeper] = [:]
        /// Transfers already inside libcurl whose task was cancelled; the thread removes them.
        var cancelRequests: [UInt64] = []
        var shuttingDown = false
    }

    private let shared = Locked(Shared())
    /// Only for `curl_multi_wakeup` (thread-safe); everything else is the loop's.
    private let multi: MultiHandle
    private let clock = MonotonicClock()

    /// - Throws: `.invalidRequest` when libcurl cannot create a multi handle.
    init(concurrency: Int, statistics: Locked<HTTPStatistics>) throws(HTTPError) {
        guard let handle = curl_multi_init() else {
            throw HTTPError(kind: .invalidRequest, message: "libcurl could not create a multi handle", label: "HTTPClient", attempts: 0)
        }
        multi = MultiHandle(handle)
        // Several transfers to one host share an HTTP/2 connection when the server offers it.
        _ = posture_multi_setopt_long(handle, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        let loop = TransferLoop(engine: self, multi: handle, concurrency: max(1, concurrency), statistics: statistics)
        let thread = Thread { loop.run() }
        thread.name = "posture-http"
        thread.start()
    }

    /// Runs one attempt; returns `.cancelled` when the client shuts down or the task is cancelled.
    func perform(_ spec: AttemptSpec) async -> AttemptOutcome {
        let id = newID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let transfer = CurlTransfer(id: id, spec: spec, continuation: continuation)
                let accepted = shared.withLock { shared in
                    // Checked under the lock: a cancel that came earlier found nothing to cancel.
                    guard !shared.shuttingDown, !Task.isCancelled else { return false }
                    shared.pending.append(transfer)
                    curl_multi_wakeup(multi.pointer)
                    return true
                }
                if !accepted { transfer.finish(.cancelled) }
            }
        } onCancel: {
            cancel(id)
        }
    }

    /// Waits until the monotonic time `until`.
    /// - Returns: false when the client shut down or the task was cancelled first.
    func sleep(until: Double) async -> Bool {
        let id = newID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let accepted = shared.withLock { shared in
                    guard !shared.shuttingDown, !Task.isCancelled else { return false }
                    shared.sleepers[id] = Sleeper(until: until, continuation: continuation)
                    curl_multi_wakeup(multi.pointer)
                    return true
                }
                if !accepted { continuation.resume(returning: false) }
            }
        } onCancel: {
            cancel(id)
        }
    }

    /// Ends every waiting and running attempt with `.cancelled` and stops the thread.
    func shutdown() {
        let (transfers, sleepers) = shared.withLock { shared -> ([CurlTransfer], [Sleeper]) in
            guard !shared.shuttingDown else { return ([], []) }
            shared.shuttingDown = true
            curl_multi_wakeup(multi.pointer)
            defer { shared.pending = []; shared.sleepers = [:] }
            return (shared.pending, Array(shared.sleepers.values))
        }
        transfers.forEach { $0.finish(.cancelled) }
        sleepers.forEach { $0.continuation.resume(returning: false) }
    }

    private func newID() -> UInt64 {
        shared.withLock { shared in
            defer { shared.nextID += 1 }
            return shared.nextID
        }
    }

    private func cancel(_ id: UInt64) {
        enum Found { case transfer(CurlTransfer), sleeper(Sleeper), none }
        let found = shared.withLock { shared -> Found in
            if let index = shared.pending.firstIndex(where: { $0.id == id }) {
                return .transfer(shared.pending.remove(at: index))
            }
            if let sleeper = shared.sleepers.removeValue(forKey: id) { return .sleeper(sleeper) }
            if !shared.shuttingDown {
                shared.cancelRequests.append(id)
                curl_multi_wakeup(multi.pointer)
            }
            return .none
        }
        switch found {
        case .transfer(let transfer): transfer.finish(.cancelled)
        case .sleeper(let sleeper): sleeper.continuation.resume(returning: false)
        case .none: break
        }
    }

    /// What the loop takes from the shared state at the top of each turn.
    struct Turn {
        var start: [CurlTransfer]
        var cancel: [UInt64]
        var wake: [CheckedContinuation<Bool, Never>]
        var nextWake: Double?
        var shuttingDown: Bool
    }

    /// Called by the loop: up to `freeSlots` waiting transfers in order, cancellations, and
    /// the sleepers whose time has come.
    func takeTurn(freeSlots: Int, now: Double) -> Turn {
        shared.withLock { shared in
            let count = min(max(0, freeSlots), shared.pending.count)
            let start = Array(shared.pending.prefix(count))
            shared.pending.removeFirst(count)
            let cancel = shared.cancelRequests
            shared.cancelRequests = []
            var wake: [CheckedContinuation<Bool, Never>] = []
            var nextWake: Double?
            for (id, sleeper) in shared.sleepers {
                if sleeper.until <= now {
                    wake.append(sleeper.continuation)
                    shared.sleepers[id] = nil
                } else {
                    nextWake = min(nextWake ?? sleeper.until, sleeper.until)
                }
            }
            return Turn(start: start, cancel: cancel, wake: wake, nextWake: nextWake, shuttingDown: shared.shuttingDown)
        }
    }

    var now: Double { clock.now() }
}

/// The multi handle pointer, shared with other threads only for `curl_multi_wakeup`, which
/// libcurl documents as safe to call from any thread.
struct MultiHandle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer

    init(_ pointer: UnsafeMutableRawPointer) {
        self.pointer = pointer
    }
}
