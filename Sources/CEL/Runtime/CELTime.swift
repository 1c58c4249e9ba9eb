import Foundation

/// A point in time with nanosecond precision, as `google.protobuf.Timestamp`.
public struct CELTimestamp: Sendable, Hashable, Comparable {
    public var seconds: Int64
    public var nanos: Int32

    public init(seconds: Int64, nanos: Int32) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public init(date: Date) {
        let interval = date.timeIntervalSince1970
        let whole = interval.rounded(.down)
        self.seconds = Int64(whole)
        self.nanos = Int32(((interval - whole) * 1_000_000_000).rounded())
        if nanos >= 1_000_000_000 { seconds += 1; nanos -= 1_000_000_000 }
    }

    public static func < (lhs: CELTimestamp, rhs: CELTimestamp) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }
}

/// A signed span of time with nanosecond precision, as `google.protobuf.Duration`.
public struct CELDuration: Sendable, Hashable, Comparable {
    public var seconds: Int64
    /// Same sign as `seconds` (or zero), magnitude below 1e9.
    public var nanos: Int32

    public init(seconds: Int64, nanos: Int32) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (lhs: CELDuration, rhs: CELDuration) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }
}
