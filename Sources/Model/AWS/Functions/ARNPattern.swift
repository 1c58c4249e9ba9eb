import SourceText

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
