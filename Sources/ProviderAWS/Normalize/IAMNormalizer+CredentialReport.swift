import Foundation
import Model
import SourceText

extension IAMNormalizer {
    /// Reads every credential report: console access, MFA and access keys for users (adding
    /// users the authorization details lack, so that a lone report still scans), the root
    /// identity from the `<root_account>` row, and the root facts of the account.
    static func applyCredentialReports(_ context: inout NormalizationContext, run: inout Run) {
        for document in context.documents(.getCredentialReport) {
            let fallback = context.defaultAccount
            guard let answer = context.decode(document, as: CredentialReport.Answer.self, account: fallback) else {
                run.coverage.fail(.credentialReport, account: fallback)
                continue
            }
            let rows: [CredentialReport.Row]
            do {
                rows = try CredentialReport.rows(of: answer)
            } catch {
                note(&context, document, account: fallback, "$.Content: \(error.message)")
                run.coverage.fail(.credentialReport, account: fallback)
                continue
            }
            var accounts: Set<String> = []
            for row in latestRows(rows) {
                let account = account(of: row.arn, fallback: fallback)
                accounts.insert(account)
                if row.isRoot {
                    applyRoot(row, account: account, document: document, context: &context, run: &run)
                } else {
                    applyUser(row, account: account, document: document, run: &run)
                }
            }
            if accounts.isEmpty { accounts.insert(fallback) }
            for account in accounts {
                run.coverage.read(.credentialReport, account: account)
                context.update(account) { $0.source = $0.source ?? document.source }
            }
        }
    }

    /// One row per ARN. A report should never repeat a user, but recorded ones do (the 2017
    /// c7n report lists `christopher` twice, one row older than the other): the row with the
    /// latest date in it wins, being the later state of the same user; on a tie, the later row.
    static func latestRows(_ rows: [CredentialReport.Row]) -> [CredentialReport.Row] {
        var chosen: [String: Int] = [:]
        var order: [String] = []
        for (index, row) in rows.enumerated() {
            guard let previous = chosen[row.arn] else {
                chosen[row.arn] = index
                order.append(row.arn)
                continue
            }
            if latestDate(row) >= latestDate(rows[previous]) { chosen[row.arn] = index }
        }
        return order.compactMap { chosen[$0].map { rows[$0] } }
    }

    private static func latestDate(_ row: CredentialReport.Row) -> Date {
        row.cells.values.compactMap({ RFC3339.parse($0, .lenient) }).max() ?? .distantPast
    }

    private static func applyUser(_ row: CredentialReport.Row, account: String, document: SnapshotDocument, run: inout Run) {
        let position = run.position(of: row.arn) ?? run.add(Identity(
            id: row.arn, name: row.user, provider: .aws, account: account,
            source: ResourceSource(kind: .file, location: document.source), kind: .user,
            sections: AWSIdentity(path: path(inUserARN: row.arn)).asSections))
        apply(row, to: &run.identities[position])
    }

    /// Console, MFA and keys from a row onto an identity (user or root).
    private static func apply(_ row: CredentialReport.Row, to identity: inout Identity) {
        identity.created = identity.created ?? row["user_creation_time"].date
        identity.consoleAccess = row["password_enabled"].bool
        identity.lastConsoleLogin = row["password_last_used"].date
        switch row["mfa_active"].bool {
        case true?: identity.mfa = .enabled
        case false?: if identity.mfa == .unknown { identity.mfa = .disabled }
        case nil: break
        }
        identity.accessKeys = accessKeys(row)
        identity.lastActivity = latest([identity.lastActivity, identity.lastConsoleLogin] + identity.accessKeys.map(\.lastUsed))
    }

    /// The report's two key slots. A slot holds a key when it is active or has a rotation
    /// date (an inactive key); the key id is not in the report, so keys are `key1`/`key2`.
    static func accessKeys(_ row: CredentialReport.Row) -> [AccessKey] {
        (1...2).compactMap { slot in
            let prefix = "access_key_\(slot)_"
            let active = row[prefix + "active"].bool ?? false
            let created = row[prefix + "last_rotated"].date
            guard active || created != nil else { return nil }
            return AccessKey(id: "key\(slot)", active: active, created: created, lastUsed: row[prefix + "last_used_date"].date,
                             lastUsedService: row[prefix + "last_used_service"].text)
        }
    }

    private static func applyRoot(_ row: CredentialReport.Row, account: String, document: SnapshotDocument,
                                  context: inout NormalizationContext, run: inout Run) {
        let position = run.position(of: row.arn) ?? run.add(Identity(
            id: row.arn, name: row.user, provider: .aws, account: account,
            source: ResourceSource(kind: .file, location: document.source), kind: .root))
        apply(row, to: &run.identities[position])
        let root = run.identities[position]
        context.update(account) { facts in
            if facts.rootMFA == nil, root.mfa != .unknown { facts.rootMFA = root.mfa }
            facts.rootAccessKeys = root.accessKeys.filter(\.active).count
            facts.rootLastUsed = root.lastActivity
            // The root row says `not_supported` for password_enabled: unknown, not false.
            facts.rootPasswordEnabled = row["password_enabled"].bool
        }
    }

    static func latest(_ dates: [Date?]) -> Date? { dates.compactMap { $0 }.max() }

    /// `/ops/` from `arn:aws:iam::1:user/ops/alice`; `/` for a user at the root path.
    static func path(inUserARN arn: String) -> String? {
        guard let resource = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).last,
              resource.hasPrefix("user/") else { return nil }
        let parts = resource.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count <= 2 ? "/" : "/" + parts[1..<(parts.count - 1)].joined(separator: "/") + "/"
    }
}
