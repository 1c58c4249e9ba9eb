import Findings
import Foundation
import Model
import PolicyEngine
import Triage

/// One self-contained HTML page (inline CSS and script, no network assets): the verdict, the
/// shared-responsibility coverage matrix, and the findings grouped by responsibility domain and
/// owning party, in tables that sort by any column and filter by text, severity and status.
/// Every value from the input is HTML-escaped; the script reads only the page's own cells.
public enum HTMLReport {
    public static func render(_ report: ScanReport, context: ReportContext = ReportContext(),
                              gate: ExitDecision.Gate = ExitDecision.Gate(failOn: .high)) -> String {
        let title = "posture report: \(report.scan.source)"
        var body = [header(report, gate: gate)] + coverage(report, responsibility: context.responsibility) + [filters()]
        body += groups(report, responsibility: context.responsibility)
        body += notes(report)
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
        <title>\(Escape.html(title))</title>
        <style>\(HTMLAssets.css)</style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        <script>\(HTMLAssets.script)</script>
        </body>
        </html>

        """
    }

    static func header(_ report: ScanReport, gate: ExitDecision.Gate) -> String {
        let verdict = ExitDecision.verdict(report, gate: gate)
        let gating = ExitDecision.gating(report, failOn: gate.failOn).count
        let (css, text): (String, String) = switch verdict {
        case .violations: ("bad", "\(gating) violation(s) at or above \(gate.failOn?.rawValue ?? "-")")
        case .incomplete: ("warn", "Scan incomplete: part of the input could not be read")
        default: ("good", "No violation at or above \(gate.failOn?.rawValue ?? "the threshold (none set)")")
        }
        let cards = Severity.allCases.map { severity in
            let count = report.summary.failuresBySeverity[severity.rawValue] ?? 0
            return "<div class=\"card sev-\(severity.rawValue)\"><b>\(count)</b><span>\(severity.rawValue)</span></div>"
        }
        let status = report.summary.byStatus
        let counts = ["pass", "fail", "error", "not_assessed"].map { "\(status[$0] ?? 0) \($0.replacingOccurrences(of: "_", with: " "))" }
        let scanned = report.scan.providers.isEmpty
            ? [ScannedProvider(id: report.scan.provider, accounts: report.scan.accounts, resources: report.scan.resources)] : report.scan.providers
        let accounts = scanned.map { "\($0.id.rawValue) accounts \($0.accounts.isEmpty ? "none found" : $0.accounts.joined(separator: ", "))" }
            .joined(separator: "; ")
        return """
        <header>
        <h1>posture report</h1>
        <p class="meta">\(Escape.html(report.scan.source)) · \(Escape.html(accounts)) · \
        \(report.scan.policies) policies · evaluated as of \(ISO8601DateFormatter().string(from: report.scan.time))</p>
        <p class="verdict \(css)">\(Escape.html(text))\(gate.softFail ? " (soft-fail)" : "")</p>
        <div class="cards">\(cards.joined())</div>
        <p class="meta">Results: \(counts.joined(separator: " · "))\(report.waivers.map { " · \($0.suppressed) waived" } ?? "")</p>
        </header>
        """
    }

    static func filters() -> String {
        let severities = Severity.allCases.map { "<option>\($0.rawValue)</option>" }.joined()
        return """
        <section class="filters" aria-label="Filter findings">
        <input id="q" type="search" placeholder="Filter: policy, resource, account, message…">
        <select id="sev"><option value="">all severities</option>\(severities)</select>
        <select id="st"><option value="">all results</option><option value="fail">fail</option><option value="error">error</option>\
        <option value="waived">waived</option><option value="not_assessed">not assessed</option><option value="pass">pass</option></select>
        <span id="shown"></span>
        </section>
        """
    }

    /// Findings grouped by owning party (customer, shared, provider), then by responsibility
    /// domain in the map's order: one sortable table per domain.
    ///
    /// The owner is the finding's own provider's: a domain can be the customer's on one cloud
    /// and shared on another.
    static func groups(_ report: ScanReport, responsibility: ResponsibilityMap?) -> [String] {
        var owners: [String: String] = [:] // "provider domain" → party
        for summary in report.summary.providers {
            for domain in summary.domains { owners["\(summary.provider.rawValue) \(domain.id)"] = domain.owner }
        }
        func party(_ finding: ReportedFinding) -> String {
            let domain = finding.policy.responsibility
            return owners["\(finding.resource.provider.rawValue) \(domain)"]
                ?? report.summary.domains.first { $0.id == domain }?.owner
                ?? responsibility?.owner(of: domain, provider: finding.resource.provider)?.rawValue ?? "unknown"
        }
        let byParty = Dictionary(grouping: report.findings, by: party)
        var sections: [String] = []
        for party in ["customer", "shared", "provider", "unknown"] {
            guard let inParty = byParty[party] else { continue }
            let byDomain = Dictionary(grouping: inParty, by: { $0.policy.responsibility })
            var seen = Set<String>()
            let domains = ((responsibility?.domains.map(\.id) ?? []) + byDomain.keys.sorted()).filter { byDomain[$0] != nil && seen.insert($0).inserted }
            sections.append("<h2 class=\"party-heading\">Owned by: <span class=\"party party-\(party)\">\(party)</span></h2>")
            for domainID in domains {
                let title = report.summary.domains.first { $0.id == domainID }?.title ?? responsibility?.domain(domainID)?.title ?? domainID
                sections.append(findingTable(byDomain[domainID] ?? [], title: title, owner: party))
            }
        }
        return sections
    }

    static func findingTable(_ findings: [ReportedFinding], title: String, owner: String) -> String {
        let rows = findings.map { finding -> String in
            let status = finding.isSuppressed ? "waived" : finding.status.rawValue
            let resource = finding.resource
            let place = resource.account + (resource.region.map { " / \($0)" } ?? "")
            var note = ""
            if let waiver = finding.waiver {
                note = "<div class=\"note\">waived until \(Escape.html(waiver.expires))\(waiver.owner.map { " by " + Escape.html($0) } ?? ""): \(Escape.html(waiver.reason))</div>"
            } else if finding.baseline == .unchanged {
                note = "<div class=\"note\">in baseline</div>"
            }
            return "<tr data-sev=\"\(finding.policy.severity.rawValue)\" data-st=\"\(status)\">"
                + "<td data-sort=\"\(finding.policy.severity.rank)\"><span class=\"pill sev-\(finding.policy.severity.rawValue)\">\(finding.policy.severity.rawValue)</span></td>"
                + "<td><span class=\"st st-\(status)\">\(status.replacingOccurrences(of: "_", with: " "))</span></td>"
                + "<td title=\"\(Escape.html(finding.policy.title))\">\(Escape.html(finding.policy.id))</td>"
                + "<td title=\"\(Escape.html(resource.id))\">\(Escape.html(resource.name))<div class=\"kind\">\(resource.kind.rawValue)</div></td>"
                + "<td>\(Escape.html(place))</td>"
                + "<td>\(Escape.html(finding.message))\(note)</td></tr>"
        }
        return """
        <section class="group">
        <h3>\(Escape.html(title)) <span class="party party-\(Escape.html(owner))">\(Escape.html(owner))</span></h3>
        <table class="findings">
        <thead><tr><th>Severity</th><th>Result</th><th>Policy</th><th>Resource</th><th>Account / region</th><th>Message</th></tr></thead>
        <tbody>
        \(rows.joined(separator: "\n"))
        </tbody>
        </table>
        </section>
        """
    }
}
