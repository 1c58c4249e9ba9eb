import Findings
import Foundation
import Model
import PolicyEngine
import Triage

/// OCSF Detection Finding (class_uid 2004, OCSF 1.4.0 with the `cloud` profile), one per listed
/// finding, as a JSON array: the shape Prowler emits. `status_code` is the check result (FAIL,
/// PASS, ERROR, NOT_ASSESSED); `status_id` is 3 Suppressed for waived findings, else 1 New.
/// posture-specific facts (fingerprint, responsibility, waiver, baseline) go in `unmapped`.
public enum OCSFReport {
    public static let version = "1.4.0"

    public static func render(_ report: ScanReport, context: ReportContext = ReportContext()) throws -> String {
        let rules = context.ruleIndex(for: report)
        let time = Int((report.scan.time.timeIntervalSince1970 * 1000).rounded())
        let events = report.findings.map {
            event($0, rule: rules[$0.policy.id], profile: context.profiles[$0.resource.provider], time: time, version: context.toolVersion)
        }
        return try JSONDocument.array(events).rendered()
    }

    /// OCSF `severity_id`: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical.
    public static func severityID(_ severity: Severity) -> Int {
        switch severity {
        case .info: 1
        case .low: 2
        case .medium: 3
        case .high: 4
        case .critical: 5
        }
    }

    static func event(_ finding: ReportedFinding, rule: PolicyReference?, profile: ProviderProfile?, time: Int, version: String) -> JSONDocument {
        let policy = finding.policy
        let suppressed = finding.isSuppressed
        let remediation = policy.remediation?.trimmingCharacters(in: .whitespacesAndNewlines)
        return .compact([
            "activity_id": 1, "activity_name": "Create",
            "category_uid": 2, "category_name": "Findings",
            "class_uid": 2004, "class_name": "Detection Finding",
            "type_uid": 200_401, "type_name": "Detection Finding: Create",
            "severity_id": .int(severityID(policy.severity)),
            "severity": .string(policy.severity == .info ? "Informational" : policy.severity.rawValue.capitalized),
            "status_id": .int(suppressed ? 3 : 1),
            "status": .string(suppressed ? "Suppressed" : "New"),
            "status_code": .string(statusCode(finding.status)),
            "status_detail": .string(finding.message),
            "message": .string(finding.message),
            "time": .int(time),
            "metadata": metadata(finding, version: version),
            "finding_info": .compact([
                "uid": .string("posture-\(finding.fingerprint)"),
                "title": .string(policy.title),
                "desc": .string(rule?.description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? policy.title),
                "types": .strings(["posture/\(policy.responsibility)"] + (rule?.frameworkTags ?? [])),
                "created_time": .int(time),
            ]),
            "risk_details": JSONDocument.text(rule?.description?.trimmingCharacters(in: .whitespacesAndNewlines)),
            "remediation": remediation.map { .object(["desc": .string($0), "references": .strings(policy.references)]) },
            "cloud": cloud(finding.resource, profile: profile),
            "resources": .array([resource(finding.resource)]),
            "unmapped": unmapped(finding),
        ])
    }

    static func statusCode(_ status: FindingStatus) -> String {
        switch status {
        case .pass: "PASS"
        case .fail: "FAIL"
        case .error: "ERROR"
        case .notAssessed: "NOT_ASSESSED"
        }
    }

    static func metadata(_ finding: ReportedFinding, version: String) -> JSONDocument {
        .object([
            "version": .string(Self.version),
            "event_code": .string(finding.policy.id),
            "profiles": .strings(["cloud"]),
            "tenant_uid": .string(finding.resource.account),
            "product": .object(["name": "posture", "uid": "posture", "vendor_name": "posture", "version": .string(version)]),
        ])
    }

    static func cloud(_ resource: ResourceReference, profile: ProviderProfile?) -> JSONDocument {
        let accountType = (profile?.ocsfAccountTypeID ?? 99, profile?.accountType ?? "Other")
        return .compact([
            "provider": .string(resource.provider.rawValue),
            "region": JSONDocument.text(resource.region),
            "account": .object(["uid": .string(resource.account), "type_id": .int(accountType.0), "type": .string(accountType.1)]),
        ])
    }

    static func resource(_ resource: ResourceReference) -> JSONDocument {
        .compact([
            "uid": .string(resource.id),
            "name": .string(resource.name),
            "type": .string(resource.kind.rawValue),
            "region": JSONDocument.text(resource.region),
            "cloud_partition": JSONDocument.text(partition(resource.id)),
            "data": .compact([
                "source": .compact([
                    "kind": .string(resource.source.kind.rawValue),
                    "location": .string(resource.source.location),
                    "line": resource.source.line.map { .int($0) },
                ]),
            ]),
        ])
    }

    /// `aws`, `aws-cn`, `aws-us-gov` from an ARN.
    static func partition(_ id: String) -> String? {
        let parts = id.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count > 2 && parts[0] == "arn" && !parts[1].isEmpty ? String(parts[1]) : nil
    }

    static func unmapped(_ finding: ReportedFinding) -> JSONDocument {
        .compact([
            "fingerprint": .string(finding.fingerprint),
            "responsibility": .string(finding.policy.responsibility),
            "compliance": .object(finding.policy.frameworks.mapValues { .strings($0) }),
            "baseline": JSONDocument.text(finding.baseline?.rawValue),
            "waiver": finding.waiver.map { waiver in
                .compact(["reason": .string(waiver.reason), "owner": JSONDocument.text(waiver.owner), "expires": .string(waiver.expires),
                          "source": .string(waiver.source)])
            },
        ])
    }
}
