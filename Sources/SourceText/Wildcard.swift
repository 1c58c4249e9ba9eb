/// Glob matching as IAM, waivers and `--policy` use it: `*` matches any run of characters (also empty), `?` exactly one.
///
/// Works on UTF-8 bytes without allocating (IAM actions and ARNs are ASCII; other bytes
/// compare exactly), with greedy matching that backtracks to the last `*` only, so hostile
/// patterns such as `a*a*a*…b` stay linear.
public enum Wildcard {
    @inlinable
    public static func matches(pattern: String, value: String, caseInsensitive: Bool) -> Bool {
        var pattern = pattern, value = value
        return pattern.withUTF8 { p in value.withUTF8 { v in matches(p, v, caseInsensitive: caseInsensitive) } }
    }

    /// Whether `pattern` contains a wildcard (a literal pattern can be compared by equality).
    public static func hasWildcard(_ pattern: String) -> Bool {
        pattern.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
    }

    /// Byte equality with ASCII letters folded to lower case (for ASCII text, what comparing
    /// `lowercased()` copies gives, without making them).
    @inlinable
    public static func equalIgnoringASCIICase(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in a.indices {
            let x = a[index], y = b[index]
            if x == y { continue }
            guard x | 0x20 == y | 0x20, (x | 0x20) >= 0x61, (x | 0x20) <= 0x7A else { return false }
        }
        return true
    }

    @inlinable
    public static func matches(_ p: UnsafeBufferPointer<UInt8>, _ v: UnsafeBufferPointer<UInt8>, caseInsensitive: Bool) -> Bool {
        let star = UInt8(ascii: "*"), question = UInt8(ascii: "?")
        @inline(__always) func fold(_ byte: UInt8) -> UInt8 {
            caseInsensitive && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        var pi = 0, vi = 0
        var starPattern = -1, starValue = 0
        while vi < v.count {
            if pi < p.count, p[pi] != star, p[pi] == question || fold(p[pi]) == fold(v[vi]) {
                pi += 1
                vi += 1
            } else if pi < p.count, p[pi] == star {
                starPattern = pi
                starValue = vi
                pi += 1
            } else if starPattern >= 0 {
                pi = starPattern + 1
                starValue += 1
                vi = starValue
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == star { pi += 1 }
        return pi == p.count
    }
}
