import CEL
import SourceText

/// posture's provider-neutral domain functions, callable from policies next to CEL's standard
/// library; a provider adds its own through its model extension (`iam.*` and `arn.*` for AWS).
///
/// Each is documented here and listed by `posture policies functions`.
public enum DomainFunctions {
    public static let all: [FunctionDecl] = [wildcardMatches, join]

    /// `glob.matches(pattern, value) -> bool`
    static let wildcardMatches = FunctionDecl(
        name: "glob.matches",
        documentation: """
        glob.matches(pattern, value) -> bool: case-sensitive match with * (any run of characters) \
        and ? (one character), anchored at both ends. Example: glob.matches("prod-*", "prod-logs").
        """,
        overloads: [
            FunctionOverload(id: "glob_matches", parameters: [.string, .string], result: .bool) { arguments throws(CELEvaluationError) in
                guard case let .string(pattern) = arguments[0], case let .string(value) = arguments[1] else {
                    throw CELEvaluationError("no matching overload for glob.matches")
                }
                return .bool(Wildcard.matches(pattern: pattern, value: value, caseInsensitive: false))
            },
        ])
}
