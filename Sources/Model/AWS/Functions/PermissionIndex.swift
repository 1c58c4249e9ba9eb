import CEL
import Foundation
import SourceText

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
        /// Actions without wildcards, compared ignoring case.
        var literals = ActionList()
        var patterns = ActionList()
        /// `NotAction` lists: each grants every action it does not match.
        var exclusions: [ActionList] = []

        /// `actions` holds only strings (checked by `PermissionIndex.strings`).
        mutating func add(actions: [CELValue]) {
            for case let .string(action) in actions {
                if Wildcard.hasWildcard(action) { patterns.append(action) } else { literals.append(action) }
            }
        }

        func covers(_ action: String, _ utf8: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Bool {
            if literals.containsIgnoringCase(action, utf8, ascii: ascii) { return true }
            if patterns.containsMatch(utf8) { return true }
            return exclusions.contains { !$0.containsMatch(utf8) }
        }
    }

    private var allows = Grants()
    private var denies = Grants()

    /// Builds the index from a CEL list of attached policies (`identity.aws.policies`) or of
    /// policy documents; anything not shaped like them is an evaluation error.
    /// The time against which date conditions are judged (`aws:CurrentTime`, `aws:TokenIssueTime`).
    private let now: CELTimestamp?

    init(policies: CELValue, now: CELTimestamp? = nil) throws(CELEvaluationError) {
        self.now = now
        guard case let .list(items) = policies else { throw CELEvaluationError("expected a list of policies") }
        for item in items {
            guard case let .map(map) = item else { throw CELEvaluationError("expected a policy (a map)") }
            let document: CELMap
            if case let .map(nested)? = map[Keys.document] { document = nested } else { document = map }
            guard case let .list(statements)? = document[Keys.statements] else {
                throw CELEvaluationError("policy document has no statements list")
            }
            for case let .map(statement) in statements { try add(statement) }
        }
    }

    private mutating func add(_ statement: CELMap) throws(CELEvaluationError) {
        let actions = try Self.strings(statement, Keys.actions)
        let notActions = try Self.strings(statement, Keys.notActions)
        let resources = try Self.strings(statement, Keys.resources)
        let notResources = try Self.strings(statement, Keys.notResources)
        switch statement[Keys.effect] {
        case .string("Allow")?:
            guard !notResources.isEmpty || resources.contains(where: Self.isBroad) else { return }
            guard !cannotHoldNow(statement) else { return }
            allows.add(actions: actions)
            if !notActions.isEmpty { allows.exclusions.append(ActionList(notActions)) }
        case .string("Deny")?:
            let conditions: Int
            if case let .list(list)? = statement[Keys.conditions] { conditions = list.count } else { conditions = 0 }
            guard conditions == 0, resources.contains(.string("*")) else { return }
            denies.add(actions: actions)
            if !notActions.isEmpty { denies.exclusions.append(ActionList(notActions)) }
        default:
            throw CELEvaluationError("statement effect must be Allow or Deny")
        }
    }

    /// A resource pattern that can reach resources an escalation needs: `*`, or a pattern ending
    /// in `*` outside the AWS-owned namespace (`arn:aws:iam::aws:policy/…` cannot be changed
    /// by customers, so `iam:CreatePolicyVersion` there escalates nothing).
    static func isBroad(_ resource: CELValue) -> Bool {
        guard case let .string(text) = resource else { return false }
        return isBroad(text)
    }

    static func isBroad(_ resource: String) -> Bool {
        guard resource != "*" else { return true }
        guard resource.hasSuffix("*") else { return false }
        let parts = resource.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return !(parts.count == 6 && parts[4] == "aws")
    }

    /// Whether a date condition makes the statement unusable at `now`: `DateLessThan` (or
    /// `…Equals`) on `aws:CurrentTime` / `aws:TokenIssueTime` with every date in the past.
    private func cannotHoldNow(_ statement: CELMap) -> Bool {
        guard let now, case let .list(conditions)? = statement[Keys.conditions] else { return false }
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
        return RFC3339.parse(text).map { CELTimestamp(date: $0) }
    }

    /// Field names hashed once, not on every statement.
    private enum Keys {
        static let actions = FieldKey("actions"), notActions = FieldKey("notActions")
        static let resources = FieldKey("resources"), notResources = FieldKey("notResources")
        static let document = FieldKey("document"), statements = FieldKey("statements")
        static let effect = FieldKey("effect"), conditions = FieldKey("conditions")
    }

    /// The statement's list under `field` (empty if absent), after checking that it holds
    /// only strings; returned as is, so that indexing copies no strings.
    private static func strings(_ statement: CELMap, _ field: FieldKey) throws(CELEvaluationError) -> [CELValue] {
        guard let value = statement[field] else { return [] }
        guard case let .list(items) = value else { throw CELEvaluationError("statement \(field.string) must be a list") }
        for item in items {
            guard case .string = item else { throw CELEvaluationError("statement \(field.string) must hold strings") }
        }
        return items
    }

    /// Whether the policies allow `action` (see the type's documentation for what counts).
    func allows(_ action: String) -> Bool {
        var bytes = action
        return bytes.withUTF8 { utf8 in
            // Non-ASCII actions fall back to `lowercased()` comparison (see `ActionList`).
            let ascii = !utf8.contains { $0 >= 0x80 }
            return allows.covers(action, utf8, ascii: ascii) && !denies.covers(action, utf8, ascii: ascii)
        }
    }
}

/// Action names or patterns packed into one byte buffer, so that checking an action against
/// all of them reads contiguous bytes: no `lowercased()` copy, hashing or String access per
/// check (these dominated profiles of `iam.permittedCombinations`).
struct ActionList {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// Whether some entry has a non-ASCII byte: then ASCII case folding is not `lowercased()`.
    private var nonASCII = false

    init() {}

    /// `values` holds only strings (others are skipped).
    init(_ values: [CELValue]) {
        for case let .string(text) in values { append(text) }
    }

    mutating func append(_ text: String) {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        ends.append(bytes.count)
        if !nonASCII, bytes[start...].contains(where: { $0 >= 0x80 }) { nonASCII = true }
    }

    /// Whether some entry equals `action` ignoring case, as comparing their `lowercased()`
    /// forms does: by folding ASCII bytes when both are ASCII, by `lowercased()` otherwise.
    func containsIgnoringCase(_ action: String, _ utf8: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            if !ascii || nonASCII {
                let lowercased = action.lowercased()
                return ends.contains { end in
                    defer { start = end }
                    return String(decoding: UnsafeBufferPointer(rebasing: all[start..<end]), as: UTF8.self).lowercased() == lowercased
                }
            }
            for end in ends {
                defer { start = end }
                if end - start == utf8.count, Wildcard.equalIgnoringASCIICase(UnsafeBufferPointer(rebasing: all[start..<end]), utf8) {
                    return true
                }
            }
            return false
        }
    }

    /// Whether some entry, as an IAM wildcard pattern, matches `utf8` ignoring case.
    func containsMatch(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for end in ends {
                defer { start = end }
                if Wildcard.matches(UnsafeBufferPointer(rebasing: all[start..<end]), utf8, caseInsensitive: true) { return true }
            }
            return false
        }
    }
}
