import Foundation
import Model

/// Derives whether an S3 bucket is public — readable or writable by anyone on the internet
/// (or by any AWS account) — after public access blocks, and says why in short sentences.
///
/// A bucket is public when
/// - its policy has an `Allow` statement for everyone (`*`, `{"AWS": "*"}`, an ARN in any
///   account, or `NotPrincipal`) without a condition that pins the caller down (source IP,
///   VPC, VPC endpoint, source ARN/account/owner, principal org/account/ARN, user id), and
///   `RestrictPublicBuckets` is off at bucket and account level; or
/// - its ACL grants to AllUsers or AuthenticatedUsers, and `IgnorePublicAcls` is off at
///   bucket and account level; or
/// - S3's own `GetBucketPolicyStatus` says so and nothing above neutralises it.
///
/// `BlockPublicPolicy` and `BlockPublicAcls` only refuse *new* public policies and ACLs; AWS
/// documents that they do not affect existing ones, so they neutralise nothing here.
public enum BucketExposure {
    /// The verdict and its reasons (empty when not public).
    public struct Verdict: Sendable, Hashable {
        public var isPublic: Bool
        public var reasons: [String]
    }

    /// Everything the verdict depends on; nil means unknown (not collected, or no such setting).
    public struct Input: Sendable {
        public var policy: PolicyDocument?
        public var acl: [ACLGrant]
        public var bucketBlock: PublicAccessBlockSettings?
        public var accountBlock: PublicAccessBlockSettings?
        /// `PolicyStatus.IsPublic` from `get-bucket-policy-status`, where present.
        public var policyStatusIsPublic: Bool?

        public init(policy: PolicyDocument? = nil, acl: [ACLGrant] = [], bucketBlock: PublicAccessBlockSettings? = nil,
                    accountBlock: PublicAccessBlockSettings? = nil, policyStatusIsPublic: Bool? = nil) {
            self.policy = policy
            self.acl = acl
            self.bucketBlock = bucketBlock
            self.accountBlock = accountBlock
            self.policyStatusIsPublic = policyStatusIsPublic
        }
    }

    public static func evaluate(_ input: Input) -> Verdict {
        let restrictPolicy = input.bucketBlock?.restrictPublicBuckets == true || input.accountBlock?.restrictPublicBuckets == true
        let ignoreAcls = input.bucketBlock?.ignorePublicAcls == true || input.accountBlock?.ignorePublicAcls == true
        var reasons: [String] = []
        if !restrictPolicy, let policy = input.policy {
            let blockedNewOnly = input.bucketBlock?.blockPublicPolicy == true || input.accountBlock?.blockPublicPolicy == true
            let note = blockedNewOnly ? " (BlockPublicPolicy is on, but it does not affect an existing policy)" : ""
            reasons += policyReasons(policy).map { $0 + note }
        }
        if !ignoreAcls { reasons += aclReasons(input.acl) }
        if reasons.isEmpty, !restrictPolicy, input.policyStatusIsPublic == true {
            reasons.append("S3 reports the bucket policy as public (GetBucketPolicyStatus IsPublic)")
        }
        return Verdict(isPublic: !reasons.isEmpty, reasons: reasons)
    }

    // MARK: Bucket policy

    /// One reason per statement that grants to everyone without a restricting condition.
    static func policyReasons(_ policy: PolicyDocument) -> [String] {
        policy.statements.enumerated().compactMap { index, statement in
            guard statement.effect == .allow, let who = everyoneDescription(statement),
                  !statement.conditions.contains(where: restricts) else { return nil }
            let name = statement.sid.map { "\"\($0)\"" } ?? "Statement[\(index)]"
            let access = accessDescription(statement)
            return "bucket policy statement \(name) allows \(who) to \(access.verb): \(access.actions)"
        }
    }

    /// How the statement names everyone, or nil when it names specific principals.
    private static func everyoneDescription(_ statement: Statement) -> String? {
        // Allow with NotPrincipal grants to everyone except those listed.
        if !statement.notPrincipals.isEmpty { return "everyone except the NotPrincipal list" }
        guard let principal = statement.principals.first(where: isEveryone) else { return nil }
        return principal.id == "*" ? "everyone (Principal \(principal.type == "AWS" ? "*" : "\(principal.type): *"))"
            : "any AWS account (Principal \(principal.id))"
    }

    /// `*` for AWS or CanonicalUser, or an ARN whose account is a wildcard.
    static func isEveryone(_ principal: Principal) -> Bool {
        guard principal.type == "AWS" || principal.type == "CanonicalUser" else { return false }
        if principal.id == "*" { return true }
        let parts = principal.id.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count >= 5 && parts[0] == "arn" && parts[4].contains("*")
    }

    /// Condition keys that, tested for fixed values, limit a statement to known callers (the
    /// keys AWS's own "is this policy public" analysis accepts as restricting).
    static let restrictingKeys: Set<String> = [
        "aws:sourceip", "aws:sourcevpc", "aws:sourcevpce", "aws:sourcearn", "aws:sourceaccount", "aws:sourceowner",
        "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn", "aws:principalservicename",
        "aws:userid", "aws:username", "s3:dataaccesspointaccount", "s3:dataaccesspointarn",
    ]

    /// Whether a condition pins callers down. Negated operators (`StringNotEquals`), `…IfExists`
    /// and `ForAllValues:` pass requests that lack the key; wildcards and very wide address
    /// ranges match everyone — none of those restrict.
    static func restricts(_ condition: Condition) -> Bool {
        guard restrictingKeys.contains(condition.key.lowercased()), !condition.values.isEmpty else { return false }
        let op = condition.operator
        if op.hasPrefix("ForAllValues:") || op.hasSuffix("IfExists") || op.contains("Not") || op == "Null" { return false }
        if condition.values.contains(where: { $0.allSatisfy { $0 == "*" || $0 == "?" } }) { return false }
        if condition.key.lowercased() == "aws:sourceip" { return !condition.values.contains(where: isWideRange) }
        return true
    }

    /// An IPv4 range wider than /8 or an IPv6 range wider than /32 (e.g. `0.0.0.0/0`).
    private static func isWideRange(_ cidr: String) -> Bool {
        let parts = cidr.split(separator: "/")
        guard parts.count == 2, let bits = Int(parts[1]) else { return false }
        return parts[0].contains(":") ? bits < 32 : bits < 8
    }

    /// "read", "write" or "read and write", and the actions that say so.
    private static func accessDescription(_ statement: Statement) -> (verb: String, actions: String) {
        var read = false, write = false
        if !statement.notActions.isEmpty {
            read = true
            write = true
        }
        for action in statement.actions {
            let kind = classify(action)
            read = read || kind.read
            write = write || kind.write
        }
        let verb = read && write ? "read and write" : write ? "write" : read ? "read" : "act on the bucket"
        let listed = statement.notActions.isEmpty ? statement.actions : statement.notActions.map { "all but \($0)" }
        let shown = listed.prefix(4).joined(separator: ", ") + (listed.count > 4 ? ", …" : "")
        return (verb, shown)
    }

    private static let readVerbs = ["get", "list", "head", "describe"]

    /// Whether an action pattern can match reading and/or writing S3 actions: `s3:Get*` reads,
    /// `s3:PutObject` writes, `s3:*` and `*` do both.
    static func classify(_ pattern: String) -> (read: Bool, write: Bool) {
        let lower = pattern.lowercased()
        if lower == "*" { return (true, true) }
        guard lower.hasPrefix("s3:") else { return (false, false) }
        let verb = lower.dropFirst(3)
        guard let wildcard = verb.firstIndex(where: { $0 == "*" || $0 == "?" }) else {
            let isRead = readVerbs.contains { verb.hasPrefix($0) }
            return (isRead, !isRead)
        }
        let prefix = verb[..<wildcard]
        let committedToRead = readVerbs.contains { prefix.hasPrefix($0) }
        let canRead = committedToRead || readVerbs.contains { $0.hasPrefix(prefix) }
        return (canRead, !committedToRead)
    }

    // MARK: ACL

    static let allUsers = "http://acs.amazonaws.com/groups/global/AllUsers"
    static let authenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"

    /// One reason per grant to AllUsers or AuthenticatedUsers.
    static func aclReasons(_ acl: [ACLGrant]) -> [String] {
        acl.compactMap { grant in
            guard grant.granteeType == "Group" else { return nil }
            let who: String
            switch grant.grantee {
            case allUsers: who = "AllUsers (anyone)"
            case authenticatedUsers: who = "AuthenticatedUsers (any AWS account)"
            default: return nil
            }
            return "ACL grants \(grant.permission) to \(who): \(aclAccess(grant.permission))"
        }
    }

    private static func aclAccess(_ permission: String) -> String {
        switch permission {
        case "READ": "read (list objects)"
        case "WRITE": "write (create, overwrite and delete objects)"
        case "READ_ACP": "read the ACL"
        case "WRITE_ACP": "write the ACL (and so grant itself anything)"
        case "FULL_CONTROL": "read and write, and change the ACL"
        default: "access (\(permission))"
        }
    }
}
