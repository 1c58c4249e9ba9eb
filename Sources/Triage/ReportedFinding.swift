import Findings
import Foundation

/// The version of posture's JSON report (`schemaVersion`): bumped on any incompatible change.
/// Baselines are read from such reports, so triage knows it; `Reporting` writes it.
public enum ReportSchema {
    public static let version = "1.0"
}

/// One finding as reported: the evaluator's finding plus its stable fingerprint.
public struct ReportedFinding: Encodable, Sendable {
    public var policy: PolicyReference
    public var resource: ResourceReference
    public var status: FindingStatus
    public var message: String
    /// A stable hash of provider, account, policy id and resource id (not of messages or times).
    public var fingerprint: String
    /// The waiver that suppresses this finding: it stays listed but does not fail the build.
    public var waiver: AppliedWaiver? = nil
    /// With `--baseline`: `new` when the baseline did not have this failing finding, else `unchanged`.
    public var baseline: BaselineState? = nil

    public init(policy: PolicyReference, resource: ResourceReference, status: FindingStatus, message: String, fingerprint: String,
                waiver: AppliedWaiver? = nil, baseline: BaselineState? = nil) {
        self.policy = policy
        self.resource = resource
        self.status = status
        self.message = message
        self.fingerprint = fingerprint
        self.waiver = waiver
        self.baseline = baseline
    }

    /// The evaluator's finding with its fingerprint, not yet triaged.
    public init(_ finding: Finding) {
        self.init(policy: finding.policy, resource: finding.resource, status: finding.status, message: finding.message,
                  fingerprint: finding.fingerprint)
    }

    /// Whether a waiver suppresses the finding.
    public var isSuppressed: Bool { waiver != nil }

    /// A failure or an evaluation error: what `--fail-on` looks at (before waivers and baseline).
    public var isFailing: Bool { status == .fail || status == .error }

    private enum CodingKeys: String, CodingKey { case policy, resource, status, message, fingerprint, waiver, baseline }
    private enum PolicyKeys: String, CodingKey { case id, title, severity, responsibility, frameworks }

    /// The policy is written in brief (id, title, severity, responsibility, frameworks); its
    /// remediation and references are in the report's `policies` list, once per policy.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var brief = container.nestedContainer(keyedBy: PolicyKeys.self, forKey: .policy)
        try brief.encode(policy.id, forKey: .id)
        try brief.encode(policy.title, forKey: .title)
        try brief.encode(policy.severity, forKey: .severity)
        try brief.encode(policy.responsibility, forKey: .responsibility)
        try brief.encode(policy.frameworks, forKey: .frameworks)
        try container.encode(resource, forKey: .resource)
        try container.encode(status, forKey: .status)
        try container.encode(message, forKey: .message)
        try container.encode(fingerprint, forKey: .fingerprint)
        try container.encodeIfPresent(waiver, forKey: .waiver)
        try container.encodeIfPresent(baseline, forKey: .baseline)
    }
}
