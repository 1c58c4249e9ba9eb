/// IAM-style wildcard matching: `*` matches any run of characters (also empty), `?` exactly one.
///
/// Linear-time greedy matching with backtracking to the last `*` only, so hostile patterns
/// such as `a*a*a*a*…b` cannot blow up.
public enum Wildcard {
    public static func matches(pattern: String, value: String, caseInsensitive: Bool) -> Bool {
        let p = Array((caseInsensitive ? pattern.lowercased() : pattern).unicodeScalars)
        let v = Array((caseInsensitive ? value.lowercased() : value).unicodeScalars)
        var pi = 0, vi = 0
        var starPattern = -1, starValue = 0
        while vi < v.count {
            if pi < p.count, p[pi] == "?" || p[pi] == v[vi], p[pi] != "*" {
                pi += 1
                vi += 1
            } else if pi < p.count, p[pi] == "*" {
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
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}

/// ARN pattern matching as IAM applies it to `Resource` elements.
public enum ARNPattern {
    public static func matches(pattern: String, arn: String) -> Bool {
        if pattern == "*" { return true }
        let patternParts = pattern.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let arnParts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard patternParts.count == 6, arnParts.count == 6 else {
            return Wildcard.matches(pattern: pattern, value: arn, caseInsensitive: false)
        }
        for (patternPart, arnPart) in zip(patternParts, arnParts)
        where !Wildcard.matches(pattern: String(patternPart), value: String(arnPart), caseInsensitive: false) {
            return false
        }
        return true
    }
}
