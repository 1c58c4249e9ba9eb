import Findings
import Foundation
import Model
import PolicyEngine
import SourceText
import Triage

/// Builds a `ScanReport` from an inventory and the evaluator's findings.
public struct ReportBuilder: Sendable {
    public var includePass = false
    public var severities: Set<Severity>?
    /// Policy id patterns (`*` and `?` wildcards); nil keeps every policy.
    public var policyPatterns: [String]?

    public init(includePass: Bool = false, severities: Set<Severity>? = nil, policyPatterns: [String]? = nil) {
        self.includePass = includePass
        self.severities = severities
        self.policyPatterns = policyPatterns
    }

    /// Whether a policy passes the `--severity` and `--policy` filters (applied before evaluation).
    public func selects(_ policy: Policy) -> Bool {
        if let severities, !severities.contains(policy.severity) { return false }
        if let policyPatterns, !policyPatterns.contains(where: { Wildcard.matches(pattern: $0, value: policy.id, caseInsensitive: false) }) {
            return false
        }
        return true
    }

    public func build(
        source: String, provider: Provider, time: Date, inventory: Inventory, policies: [Policy],
        findings: [Finding], responsibility: ResponsibilityMap
    ) -> ScanReport {
        // Findings arrive ordered by policy id, then resource id: a stable sort by severity keeps that order within each.
        let kept = findings.filter { includePass || $0.status != .pass }
        let listed = Severity.allCases.flatMap { severity in kept.filter { $0.policy.severity == severity } }
        let reported = listed.map { finding in
            ReportedFinding(policy: finding.policy, resource: finding.resource, status: finding.status, message: finding.message,
                            fingerprint: Fingerprint.of(provider: finding.resource.provider, account: finding.resource.account,
                                                        policy: finding.policy.id, resource: finding.resource.id))
        }
        let info = ScanInfo(
            time: time, source: source, provider: provider, accounts: inventory.accounts.map(\.account).sorted(),
            resources: [
                "account": inventory.accounts.count, "identity": inventory.identities.count, "bucket": inventory.buckets.count,
                "trail": inventory.trails.count, "key": inventory.keys.count,
            ],
            policies: policies.count, incomplete: inventory.collectionErrors, ignoredFiles: inventory.ignoredFiles)
        return ScanReport(scan: info, findings: reported,
                          summary: summary(findings, policies: policies, provider: provider, responsibility: responsibility))
    }

    private func summary(_ findings: [Finding], policies: [Policy], provider: Provider, responsibility: ResponsibilityMap) -> ScanSummary {
        var failures: [String: Int] = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
        var byStatus: [String: Int] = Dictionary(uniqueKeysWithValues: FindingStatus.allCases.map { ($0.rawValue, 0) })
        for finding in findings {
            byStatus[finding.status.rawValue, default: 0] += 1
            if finding.status == .fail { failures[finding.policy.severity.rawValue, default: 0] += 1 }
        }
        let domainIDs = Set(policies.map(\.responsibility))
        // One pass over the findings: counts by domain and status.
        var counts: [String: [FindingStatus: Int]] = [:]
        for finding in findings { counts[finding.policy.responsibility, default: [:]][finding.status, default: 0] += 1 }
        let domains = responsibility.domains.filter { domainIDs.contains($0.id) }.map { domain in
            let count = { (status: FindingStatus) in counts[domain.id]?[status] ?? 0 }
            let evaluated = count(.pass) + count(.fail) + count(.error)
            return DomainSummary(
                id: domain.id, title: domain.title, owner: responsibility.owner(of: domain.id, provider: provider)?.rawValue,
                policies: policies.filter { $0.responsibility == domain.id }.count, passed: count(.pass), failed: count(.fail),
                errors: count(.error), notAssessed: count(.notAssessed), status: evaluated > 0 ? .assessed : .notAssessed)
        }
        let uncovered = responsibility.customerDomains(for: provider).map(\.id).filter { !domainIDs.contains($0) }
        return ScanSummary(failuresBySeverity: failures, byStatus: byStatus, domains: domains, uncoveredCustomerDomains: uncovered)
    }
}
