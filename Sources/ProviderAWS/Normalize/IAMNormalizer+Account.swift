import Foundation
import Model

extension IAMNormalizer {
    /// `get-account-summary`: root MFA (preferred over the credential report: it is what IAM
    /// itself says) and, when no report gave a count, whether root access keys exist.
    static func applySummaries(_ context: inout NormalizationContext, run: inout Run) {
        for document in context.documents(.getAccountSummary) {
            let account = context.defaultAccount
            guard let summary = context.decode(document, as: IAMAccountDocuments.Summary.self, account: account) else {
                run.coverage.fail(.accountSummary, account: account)
                continue
            }
            run.coverage.read(.accountSummary, account: account)
            context.update(account) { facts in
                facts.source = facts.source ?? document.source
                if let enabled = summary.SummaryMap?.AccountMFAEnabled { facts.rootMFA = enabled > 0 ? .enabled : .disabled }
                if facts.rootAccessKeys == nil, let present = summary.SummaryMap?.AccountAccessKeysPresent {
                    facts.rootAccessKeys = present
                }
            }
        }
    }

    /// `get-account-password-policy`; the NoSuchEntity answer means "no policy": the data
    /// set is covered and the policy stays nil.
    static func applyPasswordPolicies(_ context: inout NormalizationContext, run: inout Run) {
        for document in context.documents(.getAccountPasswordPolicy) {
            let account = context.defaultAccount
            let answer = context.decode(document, as: IAMAccountDocuments.PasswordPolicyAnswer.self, account: account)
            guard answer != nil || document.isAbsentAnswer else {
                run.coverage.fail(.passwordPolicy, account: account)
                continue
            }
            run.coverage.read(.passwordPolicy, account: account)
            guard let policy = answer?.PasswordPolicy else { continue }
            let expires = policy.ExpirePasswords ?? (policy.MaxPasswordAge ?? 0 > 0)
            context.update(account) { facts in
                facts.passwordPolicy = PasswordPolicy(
                    // 6 is what IAM documents as the length when none was given.
                    minimumLength: policy.MinimumPasswordLength ?? 6,
                    requireUppercase: policy.RequireUppercaseCharacters ?? false,
                    requireLowercase: policy.RequireLowercaseCharacters ?? false,
                    requireNumbers: policy.RequireNumbers ?? false, requireSymbols: policy.RequireSymbols ?? false,
                    maxAgeDays: expires ? policy.MaxPasswordAge.flatMap { $0 > 0 ? $0 : nil } : nil,
                    reusePrevention: policy.PasswordReusePrevention.flatMap { $0 > 0 ? $0 : nil },
                    allowUsersToChange: policy.AllowUsersToChangePassword ?? false, hardExpiry: policy.HardExpiry ?? false)
            }
        }
    }

    /// `list-server-certificates` → the account's server certificates (by their ARN's account).
    static func applyServerCertificates(_ context: inout NormalizationContext, run: inout Run) {
        for document in context.documents(.listServerCertificates) {
            let fallback = context.defaultAccount
            guard let answer = context.decode(document, as: IAMAccountDocuments.ServerCertificates.self, account: fallback) else {
                run.coverage.fail(.serverCertificates, account: fallback)
                continue
            }
            run.coverage.read(.serverCertificates, account: fallback)
            for metadata in answer.ServerCertificateMetadataList ?? [] {
                guard let name = metadata.ServerCertificateName ?? metadata.Arn.map(lastComponent) else { continue }
                let account = account(of: metadata.Arn, fallback: fallback)
                run.coverage.read(.serverCertificates, account: account)
                context.update(account) {
                    $0.serverCertificates.append(ServerCertificate(name: name, arn: metadata.Arn, expiration: metadata.Expiration))
                }
            }
        }
    }

    /// `get-caller-identity`: makes the account known (it may hold nothing else).
    static func applyCallerIdentities(_ context: inout NormalizationContext) {
        for document in context.documents(.getCallerIdentity) {
            guard let identity = context.decode(document, as: IAMAccountDocuments.CallerIdentity.self),
                  let account = identity.Account else { continue }
            context.update(account) { $0.source = $0.source ?? document.source }
        }
    }
}
