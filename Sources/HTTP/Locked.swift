import Foundation

/// A value behind a lock, for state shared between the libcurl thread and the tasks that
/// send requests. Kept to short critical sections: nothing blocks or calls out while holding it.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
