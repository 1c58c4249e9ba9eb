import Foundation

/// Monotonic seconds, for deadlines, waits and rate budgets. A protocol so that the token bucket
/// can be tested with a clock the test moves by hand.
public protocol HTTPClock: Sendable {
    /// Seconds since an arbitrary fixed point; never goes backwards.
    func now() -> Double
}

/// The machine's monotonic clock (not wall time: a clock step must not stretch a timeout).
public struct MonotonicClock: HTTPClock {
    public init() {}

    public func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }
}
