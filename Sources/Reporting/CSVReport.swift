import Foundation
import Model
import PolicyEngine

/// One row per listed finding (RFC 4180: a header row, CRLF line ends, quoted fields where
/// needed), in the report's order. Cells a spreadsheet would run as a formula are prefixed
/// with `'`.
public enum CSVReport {
    public static let columns = [
        "severity", "status", "suppressed", "baseline", "policy_id", "policy_title", "resource_id", "resource_name",
        "resource_kind", "provider", "account", "region", "responsibility", "message", "remediation", "frameworks",
        "fingerprint", "waiver_reason", "waiver_owner", "waiver_expires", "waiver_source", "source",
    ]

    public static func render(_ report: ScanReport) -> String {
        var rows = [columns]
        for finding in report.findings {
            let policy = finding.policy, resource = finding.resource, waiver = finding.waiver
            let source = resource.source.location + (resource.source.line.map { ":\($0)" } ?? "")
            rows.append([
                policy.severity.rawValue, finding.status.rawValue, waiver == nil ? "false" : "true", finding.baseline?.rawValue ?? "",
                policy.id, policy.title, resource.id, resource.name, resource.kind.rawValue, resource.provider.rawValue,
                resource.account, resource.region ?? "", policy.responsibility, finding.message,
                policy.remediation?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
                policy.frameworkTags.joined(separator: " "), finding.fingerprint,
                waiver?.reason ?? "", waiver?.owner ?? "", waiver?.expires ?? "", waiver?.source ?? "", source,
            ])
        }
        return rows.map { $0.map(Escape.csv).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
