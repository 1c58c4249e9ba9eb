import Findings
import Foundation
import Model
import PolicyEngine
import Triage

/// The result of one scan, as every output format sees it. Its JSON form is posture's
/// documented, versioned report (`schemaVersion`); keys are written in sorted order and
/// findings in a stable order, so that two scans of the same input diff cleanly.
public struct ScanReport: Encodable, Sendable {
    /// Bumped on any incompatible change of this structure.
    public static let currentSchemaVersion = ReportSchema.version

    public var schemaVersion = ScanReport.currentSchemaVersion
    public var scan: ScanInfo
    public var findings: [ReportedFinding]
    public var summary: ScanSummary
    /// Present when the scan was given `--waivers`: which waivers applied, expired or matched nothing.
    public var waivers: WaiverSummary?
    /// Present when the scan was given `--baseline`: how the findings compare with it.
    public var baseline: BaselineSummary?

    /// Full metadata (remediation, references) of every policy that has a listed finding,
    /// written once here rather than with each finding.
    public var policies: [PolicyReference] {
        if let policiesOverride { return policiesOverride }
        var seen: Set<String> = []
        return findings.compactMap { seen.insert($0.policy.id).inserted ? $0.policy : nil }.sorted { $0.id < $1.id }
    }

    /// Set by the chunked JSON writer, which encodes the report's frame without its findings.
    var policiesOverride: [PolicyReference]?

    private enum CodingKeys: String, CodingKey { case schemaVersion, scan, findings, summary, waivers, baseline, policies }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(scan, forKey: .scan)
        try container.encode(findings, forKey: .findings)
        try container.encode(summary, forKey: .summary)
        try container.encodeIfPresent(waivers, forKey: .waivers)
        try container.encodeIfPresent(baseline, forKey: .baseline)
        try container.encode(policies, forKey: .policies)
    }

    /// The same report without passing findings (they stay counted in the summary).
    public func droppingPasses() -> ScanReport {
        var copy = self
        copy.findings.removeAll { $0.status == .pass }
        return copy
    }
}

/// What was scanned, when, and what could not be read.
public struct ScanInfo: Encodable, Sendable {
    public var time: Date
    /// The snapshot paths, or `aws live: account …`, joined with `, `.
    public var source: String
    /// The provider scanned; with several, the first of `providers` (readers of the report
    /// before `providers` existed see one).
    public var provider: ProviderID
    /// Every provider the scan covered, with its accounts and resources.
    public var providers: [ScannedProvider]
    /// Every account, project or subscription scanned, of every provider.
    public var accounts: [String]
    /// Counts of resources by kind, every provider together.
    public var resources: [String: Int]
    public var policies: Int
    /// Non-empty when the scan is incomplete: what it tried to read and could not.
    public var incomplete: [CollectionError]
    /// Input files that were not recognised.
    public var ignoredFiles: [String]
}

/// One provider of a scan: its accounts and its resources by kind.
public struct ScannedProvider: Codable, Sendable {
    public var id: ProviderID
    public var accounts: [String]
    public var resources: [String: Int]
}

/// Counts for the summary table and the responsibility view.
public struct ScanSummary: Codable, Sendable {
    /// Failing findings by severity (critical … info).
    public var failuresBySeverity: [String: Int]
    /// All findings by status (pass, fail, error, not_assessed), passes counted even when not listed.
    public var byStatus: [String: Int]
    /// Per responsibility domain: owner, and how its policies fared.
    public var domains: [DomainSummary]
    /// Customer-owned domains (for this provider) that no loaded policy covers.
    public var uncoveredCustomerDomains: [String]
    /// The same counts for each provider scanned (ownership differs between providers). With
    /// one provider its entry equals the summary; with several, the summary adds them up and
    /// a domain's `owner` is set only where every provider's map agrees.
    public var providers: [ProviderSummary] = []
}

/// One provider's share of the summary.
public struct ProviderSummary: Codable, Sendable {
    public var provider: ProviderID
    public var failuresBySeverity: [String: Int]
    public var byStatus: [String: Int]
    public var domains: [DomainSummary]
    public var uncoveredCustomerDomains: [String]
}

public struct DomainSummary: Codable, Sendable {
    public enum Status: String, Codable, Sendable { case assessed, notAssessed = "not_assessed" }

    public var id: String
    public var title: String
    /// Who owns the domain under IaaS for the scanned provider.
    public var owner: String?
    public var policies: Int
    public var passed: Int
    public var failed: Int
    public var errors: Int
    public var notAssessed: Int
    public var status: Status
}
