import Findings
import Foundation
import Model
import PolicyEngine
import Triage

/// A summary fit for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the verdict, counts by
/// severity, the top findings that fail the gate (then the rest), and what needs attention
/// (waivers that expired or matched nothing, parts of the input that could not be read).
/// Cells are escaped, and the length stays well under GitHub's 65,536-character comment limit.
public enum MarkdownReport {
    /// How many findings the table lists.
    public static let topCount = 25

    public static func render(_ report: ScanReport, gate: ExitDecision.Gate = ExitDecision.Gate(failOn: .high)) -> String {
        var parts = [heading(report, gate: gate), severityTable(report)]
        let gating = ExitDecision.gating(report, failOn: gate.failOn)
        let gatingPrints = Set(gating.map(\.fingerprint))
        let failing = report.findings.filter { $0.isFailing && !gatingPrints.contains($0.fingerprint) }
        let top = Array((gating + failing).prefix(topCount))
        if !top.isEmpty {
            let total = gating.count + failing.count
            parts.append("### Top findings (\(top.count) of \(total))\n\n" + findingTable(top, gating: gatingPrints))
        }
        parts += attention(report)
        parts.append("<sub>posture \(Escape.markdownText(report.scan.source)) · \(report.scan.policies) policies · evaluated as of \(ISO8601DateFormatter().string(from: report.scan.time))</sub>")
        return parts.joined(separator: "\n\n") + "\n"
    }

    static func heading(_ report: ScanReport, gate: ExitDecision.Gate) -> String {
        let verdict = ExitDecision.verdict(report, gate: gate)
        let threshold = gate.failOn.map { "at or above **\($0.rawValue)**" } ?? "(no `--fail-on` threshold)"
        let line: String = switch verdict {
        case .violations: "❌ **\(ExitDecision.gating(report, failOn: gate.failOn).count) violation(s)** \(threshold)"
        case .incomplete: "⚠️ **Scan incomplete**: no violation \(threshold), but part of the input could not be read"
        default: "✅ **No violation** \(threshold)"
        }
        let scanned = report.scan.providers.isEmpty
            ? [ScannedProvider(id: report.scan.provider, accounts: report.scan.accounts, resources: [:])] : report.scan.providers
        let heading = scanned.map { provider in
            "\(provider.id.rawValue) " + (provider.accounts.isEmpty ? "no account" : provider.accounts.map { "`\($0)`" }.joined(separator: ", "))
        }.joined(separator: "; ")
        return "## posture: \(heading)\n\n" + line + (gate.softFail ? " (soft-fail: the job does not fail)" : "")
    }

    static func severityTable(_ report: ScanReport) -> String {
        var rows = ["| Severity | Failing | Waived | In baseline |", "|---|---:|---:|---:|"]
        for severity in Severity.allCases {
            let failing = report.findings.filter { $0.isFailing && $0.policy.severity == severity }
            rows.append("| \(severity.rawValue) | \(failing.count) | \(failing.filter(\.isSuppressed).count) | \(failing.filter { $0.baseline == .unchanged }.count) |")
        }
        let status = report.summary.byStatus
        let counts = ["pass", "fail", "error", "not_assessed"].map { "\(status[$0] ?? 0) \($0.replacingOccurrences(of: "_", with: " "))" }
        return rows.joined(separator: "\n") + "\n\nResults: " + counts.joined(separator: " · ")
    }

    static func findingTable(_ findings: [ReportedFinding], gating: Set<String>) -> String {
        var rows = ["| | Severity | Policy | Resource | Account / region | Message |", "|---|---|---|---|---|---|"]
        for finding in findings {
            let mark = gating.contains(finding.fingerprint) ? "❌" : finding.isSuppressed ? "🔕 waived" : finding.baseline == .unchanged ? "baseline" : "·"
            let place = finding.resource.account + (finding.resource.region.map { " / \($0)" } ?? "")
            let message = finding.status == .error ? "evaluation error: " + finding.message : finding.message
            rows.append("| \(mark) | \(finding.policy.severity.rawValue) | \(Escape.markdownCell(finding.policy.id)) | \(Escape.markdownCell(finding.resource.name, limit: 120)) | \(Escape.markdownCell(place)) | \(Escape.markdownCell(message, limit: 240)) |")
        }
        return rows.joined(separator: "\n")
    }

    /// Waivers that expired or matched nothing; what could not be read; domains no policy covers.
    static func attention(_ report: ScanReport) -> [String] {
        var parts: [String] = []
        if let waivers = report.waivers, !(waivers.expired.isEmpty && waivers.stale.isEmpty) {
            var rows = ["### Waivers needing attention", "", "| State | Policy | Resource | Expires | Owner | Where |", "|---|---|---|---|---|---|"]
            for waiver in waivers.expired + waivers.stale {
                rows.append("| \(waiver.state.rawValue) | \(Escape.markdownCell(waiver.policy)) | \(Escape.markdownCell(waiver.resource)) | \(Escape.markdownCell(waiver.expires)) | \(Escape.markdownCell(waiver.owner ?? "")) | \(Escape.markdownCell(waiver.source)) |")
            }
            parts.append(rows.joined(separator: "\n"))
        }
        if let baseline = report.baseline {
            parts.append("Baseline `\(Escape.markdownCell(baseline.file))`: \(baseline.new) new, \(baseline.unchanged) unchanged, \(baseline.resolved) resolved.")
        }
        let incomplete = report.scan.incomplete
        if !incomplete.isEmpty {
            let listed = incomplete.prefix(10).map { "- " + Escape.markdownCell($0.description, limit: 200) }
            parts.append("<details><summary>⚠️ \(incomplete.count) part(s) of the input could not be read</summary>\n\n" + listed.joined(separator: "\n")
                + (incomplete.count > 10 ? "\n- … and \(incomplete.count - 10) more" : "") + "\n\n</details>")
        }
        if !report.summary.uncoveredCustomerDomains.isEmpty {
            parts.append("Customer-owned domains no loaded policy covers: " + report.summary.uncoveredCustomerDomains.map { "`\($0)`" }.joined(separator: ", "))
        }
        return parts
    }
}
