import Foundation
import Model
import PolicyEngine
import Triage

extension HTMLReport {
    /// The shared-responsibility coverage matrix: every domain of the map, who owns it under
    /// IaaS, PaaS and SaaS, and whether this scan assessed it: `assessed`, `not assessed` (its
    /// policies lacked data), `no policy` (a customer or shared domain nothing covers: a gap) or
    /// `provider` (the provider's side of the line; nothing for the customer to scan).
    ///
    /// One matrix per provider scanned: who owns a domain differs between providers.
    static func coverage(_ report: ScanReport, responsibility: ResponsibilityMap?) -> [String] {
        let summaries = report.summary.providers.isEmpty
            ? [ProviderSummary(provider: report.scan.provider, failuresBySeverity: report.summary.failuresBySeverity,
                               byStatus: report.summary.byStatus, domains: report.summary.domains,
                               uncoveredCustomerDomains: report.summary.uncoveredCustomerDomains)]
            : report.summary.providers
        return summaries.map { coverage($0, responsibility: responsibility) }
    }

    private static func coverage(_ summary: ProviderSummary, responsibility: ResponsibilityMap?) -> String {
        let provider = summary.provider
        let summaries = Dictionary(summary.domains.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let uncovered = Set(summary.uncoveredCustomerDomains)
        let domains: [(id: String, title: String)] = responsibility?.domains.map { ($0.id, $0.title) }
            ?? summary.domains.map { ($0.id, $0.title) } + summary.uncoveredCustomerDomains.map { ($0, $0) }
        let models = ResponsibilityMap.serviceModels
        let rows = domains.map { domain -> String in
            let owners = models.map { model in
                let owner = responsibility?.owner(of: domain.id, provider: provider, serviceModel: model)?.rawValue
                    ?? (model == "iaas" ? summaries[domain.id]?.owner : nil) ?? "-"
                return "<td><span class=\"party party-\(Escape.html(owner))\">\(Escape.html(owner))</span></td>"
            }
            let summary = summaries[domain.id]
            let state: (String, String)
            if let summary {
                state = summary.status == .assessed ? ("assessed", "assessed") : ("not-assessed", "not assessed (no data)")
            } else if uncovered.contains(domain.id) {
                state = ("gap", "no policy")
            } else {
                state = ("provider", "provider's side")
            }
            let numbers = [summary?.policies, summary?.failed, summary?.passed, summary?.errors, summary?.notAssessed]
                .map { "<td class=\"num\">\($0.map(String.init) ?? "")</td>" }
            return "<tr><td>\(Escape.html(domain.title))</td>\(owners.joined())\(numbers.joined())<td><span class=\"cov cov-\(state.0)\">\(state.1)</span></td></tr>"
        }
        let assessed = summary.domains.filter { $0.status == .assessed && $0.owner != "provider" }.count
        return """
        <section class="coverage">
        <h2>Shared-responsibility coverage (\(Escape.html(provider.rawValue)))</h2>
        <p class="meta">\(assessed) customer or shared domain(s) assessed; \(uncovered.count) with no policy: \
        \(Escape.html(summary.uncoveredCustomerDomains.joined(separator: ", ")))</p>
        <table class="matrix">
        <thead><tr><th>Domain</th><th>IaaS</th><th>PaaS</th><th>SaaS</th><th>Policies</th><th>Fail</th><th>Pass</th><th>Error</th><th>Not assessed</th><th>Coverage</th></tr></thead>
        <tbody>
        \(rows.joined(separator: "\n"))
        </tbody>
        </table>
        </section>
        """
    }

    /// Waivers that expired or matched nothing, the baseline comparison, and what could not be read.
    static func notes(_ report: ScanReport) -> [String] {
        var sections: [String] = []
        if let waivers = report.waivers {
            let rows = waivers.waivers.map { waiver in
                "<tr><td><span class=\"cov cov-\(waiver.state.rawValue)\">\(waiver.state.rawValue)</span></td><td>\(Escape.html(waiver.policy))</td>"
                    + "<td>\(Escape.html(waiver.resource))</td><td>\(Escape.html(waiver.expires))</td><td>\(Escape.html(waiver.owner ?? ""))</td>"
                    + "<td class=\"num\">\(waiver.matched)</td><td>\(Escape.html(waiver.reason))</td><td>\(Escape.html(waiver.source))</td></tr>"
            }
            sections.append("""
            <section><h2>Waivers (\(Escape.html(waivers.file)))</h2>
            <table class="matrix"><thead><tr><th>State</th><th>Policy</th><th>Resource</th><th>Expires</th><th>Owner</th><th>Matched</th><th>Reason</th><th>Where</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table></section>
            """)
        }
        if let baseline = report.baseline {
            sections.append("<section><h2>Baseline</h2><p>\(Escape.html(baseline.file)): \(baseline.new) new, \(baseline.unchanged) unchanged, \(baseline.resolved) resolved</p></section>")
        }
        if !report.scan.incomplete.isEmpty {
            let items = report.scan.incomplete.map { "<li>\(Escape.html($0.description))</li>" }
            sections.append("<section><h2>Incomplete: \(items.count) part(s) of the input could not be read</h2><ul>\(items.joined())</ul></section>")
        }
        if !report.scan.ignoredFiles.isEmpty {
            let items = report.scan.ignoredFiles.map { "<li>\(Escape.html($0))</li>" }
            sections.append("<section><h2>Ignored files</h2><ul>\(items.joined())</ul></section>")
        }
        return sections
    }
}
