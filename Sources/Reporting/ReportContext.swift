import Findings
import Foundation
import Model
import PolicyEngine

/// What renderers know beyond the report: the evaluated policies' full metadata (for SARIF
/// rules and OCSF descriptions), the responsibility map (for the HTML coverage matrix), the
/// tool's version, and the folder relative file locations are written against.
public struct ReportContext: Sendable {
    public var rules: [PolicyReference]
    /// How each provider and its accounts are named (OCSF account types).
    public var profiles: [ProviderID: ProviderProfile]
    public var responsibility: ResponsibilityMap?
    public var toolVersion: String
    /// Absolute snapshot paths under this folder are written relative to it (SARIF artifact URIs).
    public var workingDirectory: String?

    public init(rules: [PolicyReference] = [], profiles: [ProviderID: ProviderProfile] = [:], responsibility: ResponsibilityMap? = nil,
                toolVersion: String = "0.1.0", workingDirectory: String? = nil) {
        self.rules = rules
        self.profiles = profiles
        self.responsibility = responsibility
        self.toolVersion = toolVersion
        self.workingDirectory = workingDirectory
    }

    /// The context of a scan that evaluated `policies`.
    public init(policies: [Policy], profiles: [ProviderID: ProviderProfile] = [:], responsibility: ResponsibilityMap?,
                toolVersion: String = "0.1.0", workingDirectory: String? = FileManager.default.currentDirectoryPath) {
        self.init(rules: policies.map { PolicyReference($0) }, profiles: profiles, responsibility: responsibility, toolVersion: toolVersion,
                  workingDirectory: workingDirectory)
    }

    /// Rules by id: the context's, plus any policy that only appears in the report's findings.
    func ruleIndex(for report: ScanReport) -> [String: PolicyReference] {
        var index = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for finding in report.findings where index[finding.policy.id] == nil {
            index[finding.policy.id] = finding.policy
        }
        return index
    }
}
