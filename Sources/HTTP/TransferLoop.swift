import CCurl
import Foundation

/// The body of the transfer thread. Owns the multi handle, the running transfers and a pool of
/// idle easy handles; nothing here is touched by any other thread.
final class TransferLoop: @unchecked Sendable {
    private let engine: CurlEngine
    private let multi: UnsafeMutableRawPointer
    private let concurrency: Int
    private let statistics: Locked<HTTPStatistics>
    private var running: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    /// Easy handles kept after use (reset, not freed): cheaper than creating new ones.
    private var idleHandles: [UnsafeMutableRawPointer] = []

    init(engine: CurlEngine, multi: UnsafeMutableRawPointer, concurrency: Int, statistics: Locked<HTTPStatistics>) {
        self.engine = engine
        self.multi = multi
        self.concurrency = concurrency
        self.statistics = statistics
    }

    func run() {
        while true {
            let turn = engine.takeTurn(freeSlots: concurrency - running.count, now: engine.now)
            turn.wake.forEach { $0.resume(returning: true) }
            if turn.shuttingDown { break }
            turn.start.forEach(start)
            turn.cancel.forEach(cancel)
            var stillRunning: Int32 = 0
            _ = curl_multi_perform(multi, &stillRunning)
            let finished = collectFinished()
            recordInFlight()
            // A finished transfer frees a slot: look at the queue again before sleeping.
            if finished > 0 { continue }
            var waitMilliseconds = 1000.0
            if let nextWake = turn.nextWake {
                waitMilliseconds = min(waitMilliseconds, max(0, (nextWake - engine.now) * 1000).rounded(.up))
            }
            // Returns at the earliest of: socket activity, libcurl's own timers, a wakeup.
            _ = curl_multi_poll(multi, nil, 0, Int32(waitMilliseconds), nil)
        }
        tearDown()
    }

    private func start(_ transfer: CurlTransfer) {
        let now = engine.now
        guard transfer.spec.deadline > now else {
            let failure = CurlFailure(kind: .timeout, retryable: false)
            transfer.finish(AttemptOutcome(result: .failed(failure, message: "deadline passed while waiting for a free transfer slot"), seconds: 0))
            return
        }
        guard let handle = idleHandles.popLast() ?? curl_easy_init() else {
            let failure = CurlFailure(kind: .invalidRequest, retryable: false)
            transfer.finish(AttemptOutcome(result: .failed(failure, message: "libcurl could not create an easy handle"), seconds: 0))
            return
        }
        if let (code, option) = transfer.configure(handle, now: now) {
            recycle(handle)
            let message = "libcurl refused the \(option) option: \(String(cString: curl_easy_strerror(code)))"
            transfer.finish(AttemptOutcome(result: .failed(CurlFailure(kind: .invalidRequest, retryable: false), message: message), seconds: 0))
            return
        }
        let added = curl_multi_add_handle(multi, handle)
        guard added == CURLM_OK else {
            recycle(handle)
            let message = "libcurl could not start the transfer: \(String(cString: curl_multi_strerror(added)))"
            transfer.finish(AttemptOutcome(result: .failed(CurlFailure(kind: .connection, retryable: false), message: message), seconds: 0))
            return
        }
        running[handle] = transfer
        let count = running.count
        statistics.withLock { statistics in
            statistics.attempts += 1
            statistics.inFlight = count
            statistics.peakInFlight = max(statistics.peakInFlight, count)
        }
    }

    private func cancel(_ id: UInt64) {
        guard let (handle, transfer) = running.first(where: { $0.value.id == id }) else { return }
        end(handle)
        transfer.finish(.cancelled)
    }

    /// Reads libcurl's "done" messages and resumes those transfers' tasks.
    /// - Returns: how many transfers ended.
    private func collectFinished() -> Int {
        var finished = 0
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle else { continue }
            let code = message.pointee.data.result
            guard let transfer = running[handle] else { continue }
            // Read everything out of the handle before it is reset for the next transfer.
            let outcome = transfer.outcome(code, handle: handle, now: engine.now)
            end(handle)
            transfer.finish(outcome)
            finished += 1
        }
        return finished
    }

    /// Takes a handle out of libcurl and back into the pool. The transfer stays alive until
    /// here, because the handle points at its buffers until `curl_easy_reset`.
    private func end(_ handle: UnsafeMutableRawPointer) {
        _ = curl_multi_remove_handle(multi, handle)
        running[handle] = nil
        recycle(handle)
    }

    private func recycle(_ handle: UnsafeMutableRawPointer) {
        curl_easy_reset(handle)
        if idleHandles.count < concurrency {
            idleHandles.append(handle)
        } else {
            curl_easy_cleanup(handle)
        }
    }

    private func recordInFlight() {
        let count = running.count
        statistics.withLock { $0.inFlight = count }
    }

    private func tearDown() {
        for (handle, transfer) in running {
            _ = curl_multi_remove_handle(multi, handle)
            curl_easy_cleanup(handle)
            transfer.finish(.cancelled)
        }
        running = [:]
        idleHandles.forEach { curl_easy_cleanup($0) }
        idleHandles = []
        recordInFlight()
        curl_multi_cleanup(multi)
    }
}
