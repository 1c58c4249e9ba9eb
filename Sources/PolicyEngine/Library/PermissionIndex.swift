import Foundation
import CEL

/// What a set of IAM policy documents allows, indexed for many "is this action allowed?"
/// questions: literal actions in hash sets, wildcard patterns in short lists.
///
/// "Allowed" here is the question privilege-escalation and admin checks ask: some `Allow`
/// statement covers the action (through `Action`, or through a `NotAction` that does not
/// exclude it) on a broad resource (`*`, a pattern ending in `*`, or any `NotResource`), and
/// no `Deny` statement without conditions covers it on `*`. Conditions on an Allow are not
/// evaluated (the grant is reported; review it), resource-level scoping to a specific ARN is.
struct PermissionIndex {
    private struct Grants {
        var literals: Set<String> = []
        var patterns: [String] = []
        /// `NotAction` lists: each grants every action it does not match.
        var exclusions: [[String]] = []

        mutating func add(actions: [String]) {
            for action in actions {
                if Wildcard.hasWildcard(action) { patterns.append(action) } else { literals.insert(action.lowercased()) }
            }
        }

        func covers(_ action: String, lowercased: String) -> Bool {
            if literals.contains(lowercased) { return true }
            if patterns.contains(where: { Wildcard.matches(pattern: $0, value: action, caseInsensitive: true) }) { return true }
            return exclusions.contains { excluded in
                !excluded.contains { Wildcard.matches(pattern: $0, value: action, caseInsensitive: true) }
            }
        }
    }

    private var allows = Grants()
    private var denies = Grants()

    /// Builds the index from a CEL list of attached policies (`identity.policies`) or of
    /// policy documents; anything not shaped like them is an evaluation error.
    /// The time against which date conditions are judged (`aws:CurrentTime`, `aws:TokenIssueTime`).
    private let now: CELTimestamp?

    init(policies: CELValue, now: CELTimestamp? = nil) throws(CELEvaluationError) {
        self.now = now
        guard case let .list(items) = policies else { throw CELEvaluationError("expected a list of policies") }
        for item in items {
            guard case let .map(map) = item else { throw CELEvaluationError("expected a policy (a map)") }
            let document: CELMap
            if case let .map(nested)? = map["document"] { document = nested } else { document = map }
            guard case let .list(statements)? = document["statements"] else {
                throw CELEvaluationError("policy document has no statements list")
            }
            for case let .map(statement) in statements { try add(statement) }
        }
    }

    private mutating func add(_ statement: CELMap) throws(CELEvaluationError) {
        let actions = try Self.strings(statement, "actions")
        let notActions = try Self.strings(statement, "notActions")
        let resources = try Self.strings(statement, "resources")
        let notResources = try Self.strings(statement, "notResources")
        switch statement["effect"] {
        case .string("Allow")?:
            guard !notResources.isEmpty || resources.contains(where: Self.isBroad) else { return }
            guard !cannotHoldNow(statement) else { return }
            allows.add(actions: actions)
            if !notActions.isEmpty { allows.exclusions.append(notActions) }
        case .string("Deny")?:
            let conditions: Int
            if case let .list(list)? = statement["conditions"] { conditions = list.count } else { conditions = 0 }
            guard conditions == 0, resources.contains("*") else { return }
            denies.add(actions: actions)
            if !notActions.isEmpty { denies.exclusions.append(notActions) }
        default:
            throw CELEvaluationError("statement effect must be Allow or Deny")
        }
    }

    /// A resource pattern that can reach resources an escalation needs: `*`, or a pattern ending
    /// in `*` outside the AWS-owned namespace (`arn:aws:iam::aws:policy/…` cannot be changed
    /// by customers, so `iam:CreatePolicyVersion` there escalates nothing).
    static func isBroad(_ resource: String) -> Bool {
        guard resource != "*" else { return true }
        guard resource.hasSuffix("*") else { return false }
        let parts = resource.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return !(parts.count == 6 && parts[4] == "aws")
    }

    /// Whether a date condition makes the statement unusable at `now`: `DateLessThan` (or
    /// `…Equals`) on `aws:CurrentTime` / `aws:TokenIssueTime` with every date in the past.
    private func cannotHoldNow(_ statement: CELMap) -> Bool {
        guard let now, case let .list(conditions)? = statement["conditions"] else { return false }
        for case let .map(condition) in conditions {
            guard case let .string(op)? = condition["operator"], op == "DateLessThan" || op == "DateLessThanEquals",
                  case let .string(key)? = condition["key"],
                  ["aws:currenttime", "aws:tokenissuetime"].contains(key.lowercased()),
                  case let .list(values)? = condition["values"], !values.isEmpty else { continue }
            let allPast = values.allSatisfy { value in
                guard case let .string(text) = value, let date = Self.parseDate(text) else { return false }
                return date < now
            }
            if allPast { return true }
        }
        return false
    }

    private static func parseDate(_ text: String) -> CELTimestamp? {
        if let seconds = Int64(text) { return CELTimestamp(seconds: seconds, nanos: 0) }
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text).map { CELTimestamp(date: $0) }
    }

    private static func strings(_ statement: CELMap, _ field: String) throws(CELEvaluationError) -> [String] {
        guard let value = statement[field] else { return [] }
        guard case let .list(items) = value else { throw CELEvaluationError("statement \(field) must be a list") }
        var result: [String] = []
        result.reserveCapacity(items.count)
        for item in items {
            guard case let .string(text) = item else { throw CELEvaluationError("statement \(field) must hold strings") }
            result.append(text)
        }
        return result
    }

    /// Whether the policies allow `action` (see the type's documentation for what counts).
    func allows(_ action: String) -> Bool {
        let lowercased = action.lowercased()
        return allows.covers(action, lowercased: lowercased) && !denies.covers(action, lowercased: lowercased)
    }
}
