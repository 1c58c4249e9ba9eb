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

    /// The report of one scan. `providers` are the providers whose inputs were read (in input
    /// order), `kinds` the model's kind list (every kind is counted, zero included).
    public func build(
        source: String, providers: [ProviderID], kinds: [ResourceKind], time: Date, inventory: Inventory, policies: [Policy],
        findings: [Finding], responsibility: ResponsibilityMap
    ) -> ScanReport {
        // Findings arrive ordered by policy id, then resource id: a stable sort by severity keeps that order within each.
        let kept = findings.filter { includePass || $0.status != .pass }
        let listed = Severity.allCases.flatMap { severity in kept.filter { $0.policy.severity == severity } }
        let reported = listed.map(ReportedFinding.init)
        let scanned = providers.isEmpty ? inventory.accounts.map(\.provider).uniqued() : providers
        let perProvider = scanned.map { provider in
            ScannedProvider(
                id: provider, accounts: inventory.accounts.filter { $0.provider == provider }.map(\.account).sorted(),
                resources: Dictionary(uniqueKeysWithValues: kinds.map { kind in
                    (kind.rawValue, inventory.resources(of: kind).filter { $0.provider == provider }.count)
                }))
        }
        let info = ScanInfo(
            time: time, source: source, provider: scanned.first ?? ProviderID("none"), providers: perProvider,
            accounts: inventory.accounts.map(\.account).sorted(),
            resources: Dictionary(uniqueKeysWithValues: kinds.map { ($0.rawValue, inventory.count(of: $0)) }),
            policies: policies.count, incomplete: inventory.collectionErrors, ignoredFiles: inventory.ignoredFiles)
        let summaries = scanned.map { provider in
            summary(findings.filter { $0.resource.provider == provider }, policies: policies.filter { $0.provider == provider },
                    provider: provider, responsibility: responsibility)
        }
        return ScanReport(scan: info, findings: reported, summary: Self.combined(summaries, findings: findings, policies: policies))
    }

    /// One provider's counts; its domains are those its loaded policies cover.
    private func summary(_ findings: [Finding], policies: [Policy], provider: ProviderID, responsibility: ResponsibilityMap) -> ProviderSummary {
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
        return ProviderSummary(provider: provider, failuresBySeverity: failures, byStatus: byStatus, domains: domains,
                               uncoveredCustomerDomains: uncovered)
    }

    /// The scan's summary: one provider's as it is, several added up.
    static func combined(_ summaries: [ProviderSummary], findings: [Finding], policies: [Policy]) -> ScanSummary {
        if summaries.count == 1, let only = summaries.first {
            return ScanSummary(failuresBySeverity: only.failuresBySeverity, byStatus: only.byStatus, domains: only.domains,
                               uncoveredCustomerDomains: only.uncoveredCustomerDomains, providers: summaries)
        }
        func total(_ key: KeyPath<ProviderSummary, [String: Int]>) -> [String: Int] {
            summaries.reduce(into: [:]) { sum, summary in summary[keyPath: key].forEach { sum[$0.key, default: 0] += $0.value } }
        }
        var domains: [DomainSummary] = []
        for summary in summaries {
            for domain in summary.domains {
                guard let index = domains.firstIndex(where: { $0.id == domain.id }) else { domains.append(domain); continue }
                var merged = domains[index]
                if merged.owner != domain.owner { merged.owner = nil }
                merged.policies += domain.policies
                merged.passed += domain.passed
                merged.failed += domain.failed
                merged.errors += domain.errors
                merged.notAssessed += domain.notAssessed
                if domain.status == .assessed { merged.status = .assessed }
                domains[index] = merged
            }
        }
        let uncovered = summaries.flatMap(\.uncoveredCustomerDomains).uniqued()
        var failures = total(\.failuresBySeverity), byStatus = total(\.byStatus)
        if summaries.isEmpty {
            failures = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
            byStatus = Dictionary(uniqueKeysWithValues: FindingStatus.allCases.map { ($0.rawValue, 0) })
        }
        return ScanSummary(failuresBySeverity: failures, byStatus: byStatus, domains: domains, uncoveredCustomerDomains: uncovered,
                           providers: summaries)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
