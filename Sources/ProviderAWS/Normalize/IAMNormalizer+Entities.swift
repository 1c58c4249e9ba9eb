import Foundation
import Model

extension IAMNormalizer {
    static let supportAccessPolicy = "policy/AWSSupportAccess"

    /// Users, groups and roles from the merged authorization details, each with its
    /// effective policy set (a user's includes its groups' policies, marked `viaGroup`).
    static func buildEntities(_ details: AuthorizationDetails, context: inout NormalizationContext, run: inout Run) {
        // A group's own policies, by account and name: users name their groups by name only.
        var groupPolicies: [String: [String: [AttachedPolicy]]] = [:]
        for entry in details.groups {
            let name = entry.detail.GroupName ?? lastComponent(entry.arn)
            let policies = attached(entry, managed: entry.detail.AttachedManagedPolicies, inline: entry.detail.GroupPolicyList,
                                    details: details, context: &context, run: &run)
            groupPolicies[entry.account, default: [:]][name] = policies
            run.add(identity(entry, kind: .group, name: name, path: entry.detail.Path, created: entry.detail.CreateDate, policies: policies))
        }
        for entry in details.users {
            let name = entry.detail.UserName ?? lastComponent(entry.arn)
            var policies = attached(entry, managed: entry.detail.AttachedManagedPolicies, inline: entry.detail.UserPolicyList,
                                    details: details, context: &context, run: &run)
            let groups = entry.detail.GroupList ?? []
            for group in groups {
                guard let inherited = groupPolicies[entry.account]?[group] else {
                    noteMissingGroup(group, of: entry, context: &context, run: &run)
                    continue
                }
                policies += inherited.map { policy in
                    var copy = policy
                    copy.viaGroup = group
                    return copy
                }
            }
            var user = identity(entry, kind: .user, name: name, path: entry.detail.Path, created: entry.detail.CreateDate, policies: policies)
            user.groups = groups
            user.tags = tags(entry.detail.Tags)
            run.add(user)
        }
        for entry in details.roles {
            let name = entry.detail.RoleName ?? lastComponent(entry.arn)
            let policies = attached(entry, managed: entry.detail.AttachedManagedPolicies, inline: entry.detail.RolePolicyList,
                                    details: details, context: &context, run: &run)
            var role = identity(entry, kind: .role, name: name, path: entry.detail.Path, created: entry.detail.CreateDate, policies: policies)
            if let trust = entry.detail.AssumeRolePolicyDocument {
                if let problem = trust.problem {
                    reportPolicyProblem("trust policy of role \(name): \(problem)", entry, context: &context, run: &run)
                }
                role.aws.trust = trust.document.map { run.interner.intern($0) }
            }
            role.tags = tags(entry.detail.Tags)
            role.lastActivity = entry.detail.RoleLastUsed?.LastUsedDate
            run.add(role)
        }
    }

    private static func identity<Detail>(_ entry: AuthorizationDetails.Entry<Detail>, kind: Identity.Kind, name: String,
                                         path: String?, created: Date?, policies: [AttachedPolicy]) -> Identity {
        var identity = Identity(id: entry.arn, name: name, provider: .aws, account: entry.account,
                                source: ResourceSource(kind: .file, location: entry.document.source), kind: kind, created: created)
        identity.aws = AWSIdentity(path: path, policies: policies)
        return identity
    }

    /// The managed policies (resolved to their default version) and inline policies of one
    /// user, group or role; notes AWSSupportAccess for the account.
    private static func attached<Detail>(_ entry: AuthorizationDetails.Entry<Detail>, managed: [IAMAttachedPolicy]?,
                                         inline: [IAMInlinePolicy]?, details: AuthorizationDetails,
                                         context: inout NormalizationContext, run: inout Run) -> [AttachedPolicy] {
        var policies: [AttachedPolicy] = []
        for attachment in managed ?? [] {
            guard let arn = attachment.PolicyArn else { continue }
            let isProvider = NormalizationContext.account(inARN: arn) == "aws"
            let resolved = details.policies[arn]
            if resolved?.document == nil { noteMissingDocument(arn, of: entry, context: &context, run: &run) }
            policies.append(AttachedPolicy(
                name: attachment.PolicyName ?? resolved?.name ?? lastComponent(arn), arn: arn,
                managedBy: isProvider ? .provider : .customer,
                document: resolved?.document ?? PolicyDocument(statements: [])))
            if isProvider, arn.hasSuffix(":" + supportAccessPolicy) {
                context.update(entry.account) { $0.supportAccess.append(entry.arn) }
            }
        }
        for policy in inline ?? [] {
            let name = policy.PolicyName ?? "(unnamed)"
            if let problem = policy.PolicyDocument?.problem {
                reportPolicyProblem("inline policy \(name): \(problem)", entry, context: &context, run: &run)
            } else if policy.PolicyDocument == nil {
                reportPolicyProblem("inline policy \(name) has no PolicyDocument", entry, context: &context, run: &run)
            }
            let document = policy.PolicyDocument?.document.map { run.interner.intern($0) } ?? PolicyDocument(statements: [])
            policies.append(AttachedPolicy(name: name, managedBy: .inline, document: document))
        }
        return policies
    }

    /// A malformed policy document: a collection error, and the account's IAM data is then
    /// incomplete (its IAM policies report "not assessed" rather than judge half a policy set).
    private static func reportPolicyProblem<Detail>(_ message: String, _ entry: AuthorizationDetails.Entry<Detail>,
                                                    context: inout NormalizationContext, run: inout Run) {
        note(&context, entry.document, account: entry.account, "\(entry.arn): \(message)")
        run.coverage.fail(.iam, account: entry.account)
    }

    /// An attached managed policy whose document the export does not hold (`--filter`
    /// exports leave AWS-managed policies out): kept by name and ARN with an empty document,
    /// never an invented one, and reported once per account and policy so the scan says it
    /// is incomplete.
    private static func noteMissingDocument<Detail>(_ arn: String, of entry: AuthorizationDetails.Entry<Detail>,
                                                    context: inout NormalizationContext, run: inout Run) {
        guard run.notedMissing.insert(entry.account + "|" + arn).inserted else { return }
        note(&context, entry.document, account: entry.account, code: "PolicyDocumentNotExported",
             "managed policy \(arn) is attached (first to \(entry.arn)) but the export holds no default version of it; "
                 + "its permissions are unknown")
    }

    private static func noteMissingGroup(_ group: String, of entry: AuthorizationDetails.Entry<IAMUserDetail>,
                                         context: inout NormalizationContext, run: inout Run) {
        guard run.notedMissing.insert(entry.account + "|group|" + group).inserted else { return }
        note(&context, entry.document, account: entry.account, code: "GroupNotExported",
             "group \(group) of \(entry.arn) is not in the export; the policies it grants are unknown")
    }

    static func tags(_ list: [IAMTag]?) -> [String: String] {
        var tags: [String: String] = [:]
        for tag in list ?? [] { if let key = tag.Key { tags[key] = tag.Value ?? "" } }
        return tags
    }
}
