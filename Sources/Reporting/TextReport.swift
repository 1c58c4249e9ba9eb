import Findings
import Foundation
import Model
import PolicyEngine
import Triage

/// The terminal report: findings grouped by severity (one line each), a summary table, the
/// responsibility-domain view, and what the scan could not read.
public enum TextReport {
    public static func render(_ report: ScanReport) -> String {
        // One growing string, not an array of lines joined at the end: on a scan with 150,000
        // findings the array and its joined copy were the run's peak memory.
        var lines = TextLines()
        let scan = report.scan
        lines.append("posture scan of \(scan.source) (\(scanned(scan)))")
        let resources = scan.resources.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.value) \($0.value == 1 ? $0.key : plural($0.key))" }
        lines.append("\(scan.policies) policies over \(resources.isEmpty ? "no resources" : resources.joined(separator: ", ")), evaluated as of \(ISO8601DateFormatter().string(from: scan.time))")
        for severity in Severity.allCases {
            let group = report.findings.filter { $0.policy.severity == severity && $0.status != .pass }
            guard !group.isEmpty else { continue }
            lines.append("")
            lines.append("\(severity.rawValue.uppercased()) (\(group.count))")
            for finding in group { lines.append("  " + line(finding)) }
        }
        let passes = report.findings.filter { $0.status == .pass }
        if !passes.isEmpty {
            lines.append("")
            lines.append("PASSED (\(passes.count))")
            for finding in passes { lines.append("  " + line(finding)) }
        }
        lines.append("")
        lines += summaryTable(report.summary)
        if report.summary.providers.count > 1 {
            for provider in report.summary.providers {
                lines.append("")
                lines += domainTable(provider.domains, uncovered: provider.uncoveredCustomerDomains, title: "Shared responsibility, \(provider.provider.rawValue) (owner under IaaS)")
            }
        } else {
            lines.append("")
            lines += domainTable(report.summary.domains, uncovered: report.summary.uncoveredCustomerDomains, title: "Shared responsibility (owner under IaaS)")
        }
        lines += triage(report)
        if !scan.incomplete.isEmpty {
            lines.append("")
            lines.append("INCOMPLETE: \(scan.incomplete.count) part\(scan.incomplete.count == 1 ? "" : "s") of the input could not be read")
            for error in scan.incomplete.prefix(50) { lines.append("  \(error)") }
            if scan.incomplete.count > 50 { lines.append("  … and \(scan.incomplete.count - 50) more (see the JSON report)") }
        }
        if !scan.ignoredFiles.isEmpty {
            lines.append("")
            lines.append("Ignored \(scan.ignoredFiles.count) file\(scan.ignoredFiles.count == 1 ? "" : "s"):")
            for file in scan.ignoredFiles.prefix(20) { lines.append("  \(file)") }
            if scan.ignoredFiles.count > 20 { lines.append("  … and \(scan.ignoredFiles.count - 20) more") }
        }
        return lines.text
    }

    private static func plural(_ kind: String) -> String {
        kind == "identity" ? "identities" : kind + "s"
    }

    private static func line(_ finding: ReportedFinding) -> String {
        var status: String = switch finding.status {
        case .fail: finding.baseline == .unchanged ? "FAIL (baseline)" : "FAIL"
        case .error: "ERROR"
        case .notAssessed: "NOT ASSESSED"
        case .pass: "PASS"
        }
        if finding.isSuppressed { status = "WAIVED" }
        let region = finding.resource.region.map { " \($0)" } ?? ""
        let text = finding.status == .pass ? finding.policy.title : finding.message
        return "\(status)  \(finding.policy.id)  \(finding.resource.account)\(region)  \(finding.resource.name): \(text)"
    }

    private static func summaryTable(_ summary: ScanSummary) -> [String] {
        let rows = Severity.allCases.map { [$0.rawValue, String(summary.failuresBySeverity[$0.rawValue] ?? 0)] }
        let statuses = FindingStatus.allCases.map { "\(summary.byStatus[$0.rawValue] ?? 0) \($0.rawValue.replacingOccurrences(of: "_", with: " "))" }
        return ["Failures by severity"] + TextTable.render(header: ["SEVERITY", "FAILURES"], rows: rows).split(separator: "\n").map { "  " + $0 }
            + ["", "Results: " + statuses.joined(separator: ", ")]
    }

    /// `aws; accounts: 1, 2`, or per provider with several: `aws: accounts 1; gcp: accounts p`.
    static func scanned(_ scan: ScanInfo) -> String {
        func list(_ accounts: [String]) -> String { accounts.isEmpty ? "none found" : accounts.joined(separator: ", ") }
        guard scan.providers.count > 1 else { return "\(scan.provider.rawValue); accounts: \(list(scan.accounts))" }
        return scan.providers.map { "\($0.id.rawValue): accounts \(list($0.accounts))" }.joined(separator: "; ")
    }

    private static func domainTable(_ domains: [DomainSummary], uncovered: [String], title: String) -> [String] {
        let rows = domains.map { domain in
            [domain.title, domain.owner ?? "-", String(domain.policies), String(domain.failed), String(domain.passed),
             String(domain.errors), String(domain.notAssessed), domain.status == .assessed ? "assessed" : "NOT ASSESSED"]
        }
        var lines = [title]
        lines += TextTable.render(header: ["DOMAIN", "OWNER", "POLICIES", "FAIL", "PASS", "ERROR", "NOT ASSESSED", "STATUS"], rows: rows)
            .split(separator: "\n").map { "  " + $0 }
        if !uncovered.isEmpty {
            lines.append("  Customer-owned domains no loaded policy covers: \(uncovered.joined(separator: ", "))")
        }
        return lines
    }
}

/// Text built line by line in place.
struct TextLines {
    private(set) var text = ""

    mutating func append(_ line: String) {
        text += line
        text += "\n"
    }

    static func += (lines: inout TextLines, more: [String]) {
        for line in more { lines.append(line) }
    }
}
