import Foundation
import Model
import PolicyEngine

/// What renderers know beyond the report: the evaluated policies' full metadata (for SARIF
/// rules and OCSF descriptions), the responsibility map (for the HTML coverage matrix), the
/// tool's version, and the folder relative file locations are written against.
public struct ReportContext: Sendable {
    public var rules: [RuleMetadata]
    public var responsibility: ResponsibilityMap?
    public var toolVersion: String
    /// Absolute snapshot paths under this folder are written relative to it (SARIF artifact URIs).
    public var workingDirectory: String?

    public init(rules: [RuleMetadata] = [], responsibility: ResponsibilityMap? = nil, toolVersion: String = "0.1.0",
                workingDirectory: String? = nil) {
        self.rules = rules
        self.responsibility = responsibility
        self.toolVersion = toolVersion
        self.workingDirectory = workingDirectory
    }

    /// The context of a scan that evaluated `policies`.
    public init(policies: [Policy], responsibility: ResponsibilityMap?, toolVersion: String = "0.1.0",
                workingDirectory: String? = FileManager.default.currentDirectoryPath) {
        self.init(rules: policies.map(RuleMetadata.init), responsibility: responsibility, toolVersion: toolVersion,
                  workingDirectory: workingDirectory)
    }

    /// Rules by id: the context's, plus any policy that only appears in the report's findings.
    func ruleIndex(for report: ScanReport) -> [String: RuleMetadata] {
        var index = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for finding in report.findings where index[finding.policy.id] == nil {
            index[finding.policy.id] = RuleMetadata(finding.policy)
        }
        return index
    }
}

/// A policy as reports describe it.
public struct RuleMetadata: Sendable, Hashable {
    public var id: String
    public var title: String
    public var description: String?
    public var severity: Severity
    public var responsibility: String
    public var frameworks: [String: [String]]
    public var remediation: String?
    public var references: [String]
    public var resourceKind: ResourceKind?

    public init(_ policy: Policy) {
        id = policy.id
        title = policy.title
        description = policy.description
        severity = policy.severity
        responsibility = policy.responsibility
        frameworks = policy.frameworks
        remediation = policy.remediation
        references = policy.references
        resourceKind = policy.resource
    }

    public init(_ reference: PolicyReference) {
        id = reference.id
        title = reference.title
        description = nil
        severity = reference.severity
        responsibility = reference.responsibility
        frameworks = reference.frameworks
        remediation = reference.remediation
        references = reference.references
        resourceKind = nil
    }

    /// `framework:control` tags, sorted (e.g. `cis-aws-foundations-5.0:2.1.1`).
    public var frameworkTags: [String] {
        frameworks.sorted { $0.key < $1.key }.flatMap { framework, controls in controls.map { "\(framework):\($0)" } }
    }
}
