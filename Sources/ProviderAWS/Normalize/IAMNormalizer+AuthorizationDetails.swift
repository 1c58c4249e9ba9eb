import Foundation
import Model

extension IAMNormalizer {
    /// Every `get-account-authorization-details` document merged: pages of one account, several
    /// accounts' files, AWS Config items (one entity per document). Entities are kept once per
    /// ARN (the first seen); managed policies are resolved by ARN to their default version.
    struct AuthorizationDetails {
        struct Entry<Detail> {
            let detail: Detail
            let arn: String
            let account: String
            let document: SnapshotDocument
        }

        /// A managed policy's default version, resolved once and shared by every attachment.
        struct ManagedPolicy {
            let name: String
            /// Nil when the export holds no usable default version (already reported).
            let document: PolicyDocument?
        }

        var users: [Entry<IAMUserDetail>] = []
        var groups: [Entry<IAMGroupDetail>] = []
        var roles: [Entry<IAMRoleDetail>] = []
        var policies: [String: ManagedPolicy] = [:]
        private var seen: Set<String> = []

        /// Reads and merges every authorization-details document of the snapshot.
        static func read(_ context: inout NormalizationContext, coverage: inout Coverage,
                         interner: inout PolicyInterner) -> AuthorizationDetails {
            var merged = AuthorizationDetails()
            for document in context.documents(.getAccountAuthorizationDetails) {
                // AWS Config items name their account in `subject` (see AWSConfigIAM).
                let fallback = document.subject ?? context.defaultAccount
                guard let details = context.decode(document, as: IAMAuthorizationDetails.self, account: fallback) else {
                    coverage.fail(.iam, account: fallback)
                    continue
                }
                var accounts: Set<String> = []
                func accept<Detail>(_ list: [IAMLossy<Detail>]?, arn: (Detail) -> String?) -> [Entry<Detail>] {
                    var entries: [Entry<Detail>] = []
                    for element in list ?? [] {
                        let account = IAMNormalizer.account(of: element.value.flatMap(arn) ?? element.arn, fallback: fallback)
                        accounts.insert(account)
                        guard let detail = element.value, let id = arn(detail) else {
                            note(&context, document, account: account, element.problem ?? "an entry without an Arn; skipped")
                            coverage.fail(.iam, account: account)
                            continue
                        }
                        if merged.seen.insert(id).inserted {
                            entries.append(Entry(detail: detail, arn: id, account: account, document: document))
                        }
                    }
                    return entries
                }
                // One at a time: `accept` updates `merged.seen`.
                let users = accept(details.UserDetailList) { $0.Arn }
                let groups = accept(details.GroupDetailList) { $0.Arn }
                let roles = accept(details.RoleDetailList) { $0.Arn }
                let policies = accept(details.Policies) { $0.Arn }
                merged.users += users
                merged.groups += groups
                merged.roles += roles
                for entry in policies {
                    merged.policies[entry.arn] = resolve(entry, context: &context, coverage: &coverage, interner: &interner)
                }
                if accounts.isEmpty { accounts.insert(fallback) }
                for account in accounts {
                    coverage.read(.iam, account: account)
                    context.update(account) { $0.source = $0.source ?? document.source }
                }
            }
            return merged
        }

        /// The default version's document of a managed policy; a malformed one is reported
        /// (and the account's IAM data marked incomplete), a missing one is noted on use.
        private static func resolve(_ entry: Entry<IAMManagedPolicyDetail>, context: inout NormalizationContext,
                                    coverage: inout Coverage, interner: inout PolicyInterner) -> ManagedPolicy {
            let name = entry.detail.PolicyName ?? lastComponent(entry.arn)
            if let problem = entry.detail.defaultDocument?.problem {
                note(&context, entry.document, account: entry.account, "managed policy \(entry.arn): \(problem)")
                coverage.fail(.iam, account: entry.account)
            }
            return ManagedPolicy(name: name, document: entry.detail.defaultDocument?.document.map { interner.intern($0) })
        }
    }

    /// The name after the last `/` of an ARN (`arn:aws:iam::1:user/ops/alice` → `alice`).
    static func lastComponent(_ arn: String) -> String {
        arn.split(separator: "/").last.map(String.init) ?? arn
    }
}
