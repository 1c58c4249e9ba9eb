import CEL
import SourceText

/// AWS's function pack, registered with its model extension: IAM action and ARN matching and
/// the permission analysis of policy documents (`identity.aws.policies`), for AWS policies.
public enum AWSFunctions {
    public static let all: [FunctionDecl] = [actionMatches, arnMatches, permittedActions, permittedCombinations]

    /// `iam.actionMatches(pattern, action) -> bool`
    static let actionMatches = FunctionDecl(
        name: "iam.actionMatches",
        documentation: """
        iam.actionMatches(pattern, action) -> bool: whether an IAM action pattern from a policy \
        (e.g. "s3:Get*", "*", "iam:?ass*") covers the action "service:Operation", comparing \
        case-insensitively with IAM's wildcards: * is any run of characters, ? exactly one. \
        Example: iam.actionMatches("S3:get*", "s3:GetObject") == true.
        """,
        overloads: [
            FunctionOverload(id: "iam_action_matches", parameters: [.string, .string], result: .bool) { arguments throws(CELEvaluationError) in
                guard case let .string(pattern) = arguments[0], case let .string(action) = arguments[1] else {
                    throw CELEvaluationError("no matching overload for iam.actionMatches")
                }
                return .bool(Wildcard.matches(pattern: pattern, value: action, caseInsensitive: true))
            },
        ])

    /// `arn.matches(pattern, arn) -> bool`
    static let arnMatches = FunctionDecl(
        name: "arn.matches",
        documentation: """
        arn.matches(pattern, arn) -> bool: whether an ARN pattern from a policy's Resource \
        (e.g. "arn:aws:s3:::logs-*/*", "*") covers the ARN. Compared segment by segment on the \
        colon-separated parts (partition, service, region, account, resource), case-sensitively, \
        * and ? wildcards within each part; a pattern of "*" covers every ARN, and the last \
        part of the pattern may also match across colons (as IAM does for resource paths).
        """,
        overloads: [
            FunctionOverload(id: "arn_matches", parameters: [.string, .string], result: .bool) { arguments throws(CELEvaluationError) in
                guard case let .string(pattern) = arguments[0], case let .string(arn) = arguments[1] else {
                    throw CELEvaluationError("no matching overload for arn.matches")
                }
                return .bool(ARNPattern.matches(pattern: pattern, arn: arn))
            },
        ])
}
