import CEL
import SourceText

extension AWSFunctions {
    /// `iam.permittedActions(policies, actions) -> list(string)`
    static let permittedActions = FunctionDecl(
        name: "iam.permittedActions",
        documentation: """
        iam.permittedActions(policies, actions) -> list(string): the actions of the list that the \
        policies (identity.aws.policies, or a list of policy documents) allow: an Allow statement covers \
        the action through Action, or through a NotAction that does not exclude it, on a broad \
        resource (*, a pattern ending in *, or any NotResource), and no Deny statement without \
        conditions covers it on *. Conditions on Allow statements are not evaluated. \
        Example: iam.permittedActions(identity.aws.policies, ["iam:PassRole", "ec2:RunInstances"]).
        """,
        overloads: [
            FunctionOverload(id: "iam_permitted_actions", parameters: [.list(.dyn), .list(.string)], result: .list(.string)) {
                arguments throws(CELEvaluationError) in
                let index = try PermissionIndex(policies: arguments[0])
                guard case let .list(actions) = arguments[1] else { throw CELEvaluationError("expected a list of actions") }
                var permitted: [CELValue] = []
                for action in actions {
                    guard case let .string(name) = action else { throw CELEvaluationError("actions must be strings") }
                    if index.allows(name) { permitted.append(action) }
                }
                return .list(permitted)
            },
        ])

    /// `iam.permittedCombinations(policies, combinations) -> list(list(string))`
    static let permittedCombinations = FunctionDecl(
        name: "iam.permittedCombinations",
        documentation: """
        iam.permittedCombinations(policies, combinations) -> list(list(string)): the combinations \
        (lists of actions) every action of which iam.permittedActions allows — e.g. the \
        privilege-escalation paths an identity holds, from a list such as \
        [["iam:CreatePolicyVersion"], ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"]]. \
        The policies are indexed once per call. With a third argument (usually `now`), Allow \
        statements whose DateLessThan condition on aws:CurrentTime or aws:TokenIssueTime lies in \
        the past are left out: they can no longer be used.
        """,
        overloads: [
            FunctionOverload(
                id: "iam_permitted_combinations", parameters: [.list(.dyn), .list(.list(.string))], result: .list(.list(.string))
            ) { arguments throws(CELEvaluationError) in
                try permitted(arguments[0], arguments[1], now: nil)
            },
            FunctionOverload(
                id: "iam_permitted_combinations_at", parameters: [.list(.dyn), .list(.list(.string)), .timestamp],
                result: .list(.list(.string))
            ) { arguments throws(CELEvaluationError) in
                guard case let .timestamp(now) = arguments[2] else { throw CELEvaluationError("expected a timestamp") }
                return try permitted(arguments[0], arguments[1], now: now)
            },
        ])

    /// The combinations every action of which the policies allow. Answers are cached (see
    /// `PermissionIndexCache`): a failing identity asks again in the message.
    private static func permitted(_ policies: CELValue, _ combinationList: CELValue, now: CELTimestamp?) throws(CELEvaluationError) -> CELValue {
        guard case let .list(policyList) = policies, case let .list(combinations) = combinationList else {
            // The policies' errors come first, as when the index is built before reading combinations.
            _ = try PermissionIndex(policies: policies, now: now)
            throw CELEvaluationError("expected a list of action lists")
        }
        return try PermissionIndexCache.shared.permitted(policyList, combinations, now: now) { index throws(CELEvaluationError) in
            try permitted(combinations, by: index)
        }
    }

    private static func permitted(_ combinations: [CELValue], by index: PermissionIndex) throws(CELEvaluationError) -> CELValue {
        var permitted: [CELValue] = []
        for combination in combinations {
            guard case let .list(actions) = combination else { throw CELEvaluationError("each combination must be a list of actions") }
            var all = true
            for action in actions {
                guard case let .string(name) = action else { throw CELEvaluationError("actions must be strings") }
                if !index.allows(name) { all = false; break }
            }
            if all { permitted.append(combination) }
        }
        return .list(permitted)
    }
}
