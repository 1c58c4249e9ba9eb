import Findings
import Foundation
import Model
import PolicyEngine
import Triage

/// JUnit XML for Jenkins, GitLab and Azure DevOps: one `<testsuite>` per policy, one
/// `<testcase>` per (policy, resource). A violation is a `<failure>`, an evaluation error an
/// `<error>`, a waived or not-assessed check `<skipped>`, a passing check an empty test case.
///
/// The document validates against both JUnit XSDs in common use (Jenkins xunit's `junit-10.xsd`
/// and windyroad's `JUnit.xsd`): so `<testsuites>` carries no attributes (windyroad allows none),
/// and every suite has `properties`, `system-out` and `system-err` in that order, `id`, `package`,
/// `hostname` and a zone-less `timestamp`. Counts are per suite and always match its test cases.
public enum JUnitReport {
    public static func render(_ report: ScanReport) -> String {
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#, "<testsuites>"]
        let groups = Dictionary(grouping: report.findings, by: { $0.policy.id })
        // Suites in the report's order (severity, then id), which is stable.
        var seen = Set<String>()
        let order = report.findings.map(\.policy.id).filter { seen.insert($0).inserted }
        let timestamp = Self.timestamp(report.scan.time)
        let host = report.scan.accounts.isEmpty ? report.scan.provider.rawValue : "\(report.scan.provider.rawValue):\(report.scan.accounts.joined(separator: ","))"
        for (id, policyID) in order.enumerated() {
            let findings = groups[policyID] ?? []
            guard let policy = findings.first?.policy else { continue }
            lines += suite(policy, findings: findings, id: id, timestamp: timestamp, host: host, report: report)
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Counts as JUnit sees them: failures, errors, and skipped (waived or not assessed).
    public struct Counts: Equatable, Sendable {
        public var tests = 0, failures = 0, errors = 0, skipped = 0
    }

    public static func counts(_ findings: [ReportedFinding]) -> Counts {
        var counts = Counts()
        for finding in findings {
            counts.tests += 1
            switch outcome(finding) {
            case .failure: counts.failures += 1
            case .error: counts.errors += 1
            case .skipped: counts.skipped += 1
            case .passed: break
            }
        }
        return counts
    }

    enum Outcome { case passed, failure, error, skipped }

    static func outcome(_ finding: ReportedFinding) -> Outcome {
        if finding.isSuppressed { return .skipped }
        switch finding.status {
        case .pass: return .passed
        case .fail: return .failure
        case .error: return .error
        case .notAssessed: return .skipped
        }
    }

    static func suite(_ policy: PolicyReference, findings: [ReportedFinding], id: Int, timestamp: String, host: String,
                      report: ScanReport) -> [String] {
        let counts = counts(findings)
        let attributes = [
            ("name", policy.id), ("package", "posture.\((findings.first?.resource.provider ?? report.scan.provider).rawValue)"), ("id", String(id)),
            ("tests", String(counts.tests)), ("failures", String(counts.failures)), ("errors", String(counts.errors)),
            ("skipped", String(counts.skipped)), ("time", "0"), ("timestamp", timestamp), ("hostname", host),
        ]
        var lines = ["  <testsuite \(attributeList(attributes))>", "    <properties>"]
        var properties = [("title", policy.title), ("severity", policy.severity.rawValue), ("responsibility", policy.responsibility)]
        properties += policy.frameworks.sorted { $0.key < $1.key }.map { ("framework:\($0.key)", $0.value.joined(separator: ",")) }
        lines += properties.map { "      <property \(attributeList([("name", $0.0), ("value", $0.1)]))/>" }
        lines.append("    </properties>")
        lines += findings.map { testcase($0) }
        lines += ["    <system-out>\(Escape.xml(policy.remediation.map { "Remediation: " + $0 } ?? ""))</system-out>",
                  "    <system-err></system-err>", "  </testsuite>"]
        return lines
    }

    static func testcase(_ finding: ReportedFinding) -> String {
        let open = "    <testcase \(attributeList([("name", finding.resource.id), ("classname", finding.policy.id), ("time", "0")]))"
        switch outcome(finding) {
        case .passed:
            return open + "/>"
        case .failure:
            let type = finding.baseline == .unchanged ? "\(finding.policy.severity.rawValue) (in baseline)" : finding.policy.severity.rawValue
            return open + ">\n      <failure \(attributeList([("message", finding.message), ("type", type)]))>"
                + Escape.xml(details(finding)) + "</failure>\n    </testcase>"
        case .error:
            return open + ">\n      <error \(attributeList([("message", finding.message), ("type", "evaluation-error")]))>"
                + Escape.xml(details(finding)) + "</error>\n    </testcase>"
        case .skipped:
            return open + ">\n      <skipped \(attributeList([("message", skipMessage(finding))]))/>\n    </testcase>"
        }
    }

    static func skipMessage(_ finding: ReportedFinding) -> String {
        if let waiver = finding.waiver {
            let owner = waiver.owner.map { ", owner \($0)" } ?? ""
            return "waived until \(waiver.expires)\(owner): \(waiver.reason) (\(waiver.source)); finding: \(finding.message)"
        }
        return finding.message
    }

    static func details(_ finding: ReportedFinding) -> String {
        var lines = [finding.message, "",
                     "resource: \(finding.resource.id) (\(finding.resource.kind.rawValue))",
                     "account: \(finding.resource.account)" + (finding.resource.region.map { ", region: \($0)" } ?? ""),
                     "severity: \(finding.policy.severity.rawValue)", "fingerprint: \(finding.fingerprint)"]
        if let baseline = finding.baseline { lines.append("baseline: \(baseline.rawValue)") }
        if let remediation = finding.policy.remediation { lines += ["", "remediation: " + remediation.trimmingCharacters(in: .whitespacesAndNewlines)] }
        return lines.joined(separator: "\n")
    }

    static func attributeList(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0)=\"\(Escape.xmlAttribute($0.1))\"" }.joined(separator: " ")
    }

    /// `2026-01-01T00:00:00`, UTC without a zone: the form windyroad's XSD requires.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return formatter.string(from: date)
    }
}
