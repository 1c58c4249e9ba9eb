import Findings
import Foundation
import Model
import PolicyEngine
import Triage

/// SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one run whose `tool.driver.rules`
/// are the evaluated policies and whose results are the failing findings (evaluation errors
/// included, since they fail the gate too). Waived findings carry `suppressions`; with a
/// baseline, results carry `baselineState`. Passing and not-assessed checks are not results:
/// code scanning would show them as alerts. They are counted in the run's properties.
public enum SARIFReport {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let fingerprintKey = "postureFingerprint/v1"

    public static func render(_ report: ScanReport, context: ReportContext = ReportContext()) throws -> String {
        let index = context.ruleIndex(for: report)
        let rules = index.values.sorted { $0.id < $1.id }
        let position = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let results = report.findings.filter(\.isFailing).map { finding in
            result(finding, ruleIndex: position[finding.policy.id] ?? 0, locator: SARIFLocator(report: report, context: context))
        }
        let driver = JSONDocument.object([
            "name": "posture",
            "fullName": "posture cloud configuration posture scanner",
            "semanticVersion": .string(context.toolVersion),
            "version": .string(context.toolVersion),
            "informationUri": "https://github.com/posture-scanner/posture",
            "rules": .array(rules.map(rule)),
        ])
        let run = JSONDocument.object([
            "tool": .object(["driver": driver]),
            "columnKind": "unicodeCodePoints",
            "invocations": .array([invocation(report)]),
            "results": .array(results),
            "properties": properties(report),
        ])
        return try JSONDocument.object([
            "$schema": .string(schemaURI),
            "version": "2.1.0",
            "runs": .array([run]),
        ]).rendered()
    }

    /// GitHub's `security-severity`: critical above 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9.
    /// Info findings have none, so code scanning ranks them by `level` (note).
    public static func securitySeverity(_ severity: Severity) -> String? {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: nil
        }
    }

    /// SARIF `level`: error for critical and high, warning for medium, note for low and info.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    static func rule(_ rule: PolicyReference) -> JSONDocument {
        let description = rule.description?.trimmingCharacters(in: .whitespacesAndNewlines)
        var tags = ["security", "posture", rule.responsibility] + rule.frameworkTags
        if let kind = rule.resource { tags.append(kind.rawValue) }
        return .compact([
            "id": .string(rule.id),
            "name": .string(ruleName(rule.id)),
            "shortDescription": .object(["text": .string(rule.title)]),
            "fullDescription": .object(["text": .string(description.flatMap { $0.isEmpty ? nil : $0 } ?? rule.title)]),
            "help": .object(["text": .string(helpText(rule)), "markdown": .string(helpMarkdown(rule))]),
            "helpUri": JSONDocument.text(rule.references.first { URL(string: $0)?.scheme?.hasPrefix("http") == true }),
            "defaultConfiguration": .object(["level": .string(level(rule.severity))]),
            "properties": .compact([
                "tags": .strings(tags),
                "security-severity": JSONDocument.text(securitySeverity(rule.severity)),
                "precision": "high",
                "problem.severity": .string(rule.severity == .critical || rule.severity == .high ? "error" : rule.severity == .medium ? "warning" : "recommendation"),
                "severity": .string(rule.severity.rawValue),
                "responsibility": .string(rule.responsibility),
            ]),
        ])
    }

    /// `aws-s3-bucket-public` → `AwsS3BucketPublic`: SARIF's `name` is an identifier-like form.
    static func ruleName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func helpText(_ rule: PolicyReference) -> String {
        var parts = [rule.title]
        if let description = rule.description, !description.isEmpty { parts.append(description.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if let remediation = rule.remediation { parts.append("Remediation: " + remediation.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if !rule.references.isEmpty { parts.append("References:\n" + rule.references.map { "- " + $0 }.joined(separator: "\n")) }
        if !rule.frameworks.isEmpty { parts.append("Frameworks: " + rule.frameworkTags.joined(separator: ", ")) }
        return parts.joined(separator: "\n\n")
    }

    static func helpMarkdown(_ rule: PolicyReference) -> String {
        var parts = ["**\(Escape.markdownText(rule.title))**"]
        if let description = rule.description, !description.isEmpty { parts.append(Escape.markdownText(description.trimmingCharacters(in: .whitespacesAndNewlines))) }
        if let remediation = rule.remediation {
            parts.append("#### Remediation\n\n" + Escape.markdownText(remediation.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        if !rule.references.isEmpty {
            parts.append("#### References\n\n" + rule.references.map { "- <\($0)>" }.joined(separator: "\n"))
        }
        var facts = ["Severity: \(rule.severity.rawValue)", "Responsibility domain: `\(rule.responsibility)`"]
        if !rule.frameworks.isEmpty { facts.append("Frameworks: " + rule.frameworkTags.map { "`\($0)`" }.joined(separator: ", ")) }
        parts.append(facts.map { "- " + $0 }.joined(separator: "\n"))
        return parts.joined(separator: "\n\n")
    }

    static func result(_ finding: ReportedFinding, ruleIndex: Int, locator: SARIFLocator) -> JSONDocument {
        let text = finding.status == .error ? "Evaluation error (counts as failing): \(finding.message)" : finding.message
        var entries: [String: JSONDocument?] = [
            "ruleId": .string(finding.policy.id),
            "ruleIndex": .int(ruleIndex),
            "kind": "fail",
            "level": .string(level(finding.policy.severity)),
            "message": .object(["text": .string(text)]),
            "locations": .array([locator.location(finding)]),
            "partialFingerprints": .object([fingerprintKey: .string(finding.fingerprint)]),
            "baselineState": JSONDocument.text(finding.baseline?.rawValue),
            "properties": .compact([
                "status": .string(finding.status.rawValue),
                "severity": .string(finding.policy.severity.rawValue),
                "account": .string(finding.resource.account),
                "region": JSONDocument.text(finding.resource.region),
                "resourceKind": .string(finding.resource.kind.rawValue),
                "responsibility": .string(finding.policy.responsibility),
            ]),
        ]
        if let waiver = finding.waiver {
            entries["suppressions"] = .array([.object([
                "kind": "external",
                "status": "accepted",
                "justification": .string(waiver.reason),
                "properties": .compact(["owner": JSONDocument.text(waiver.owner), "expires": .string(waiver.expires), "source": .string(waiver.source)]),
            ])])
        }
        return .compact(entries)
    }
}
