import Foundation
import Model
import Findings
import SourceText

/// One entry of a waiver file (`--waivers`): an accepted risk on some findings, with a reason,
/// an owner and an expiry date after which it stops applying.
public struct Waiver: Sendable, Hashable {
    /// Policy id or glob (`*`, `?`), matched case-sensitively.
    public var policy: String
    /// Glob matched against the resource id (the ARN where one exists) and against its name.
    public var resource: String
    /// Account glob; nil matches every account.
    public var account: String?
    /// Region glob; nil matches every resource. When given, resources without a region do not match.
    public var region: String?
    public var reason: String
    public var owner: String?
    /// As written in the file: a date (`2026-06-30`, valid through that day, UTC) or an RFC 3339 time.
    public var expiresText: String
    /// The first instant at which the waiver no longer applies.
    public var expires: Date
    /// Where the entry starts in the waiver file.
    public var location: SourceLocation

    public init(policy: String, resource: String, account: String? = nil, region: String? = nil, reason: String,
                owner: String? = nil, expiresText: String, expires: Date, location: SourceLocation) {
        self.policy = policy
        self.resource = resource
        self.account = account
        self.region = region
        self.reason = reason
        self.owner = owner
        self.expiresText = expiresText
        self.expires = expires
        self.location = location
    }

    /// Whether the waiver is still in force at `now`.
    public func isActive(at now: Date) -> Bool { now < expires }

    /// Whether the waiver covers the finding's policy, resource, account and region (not its status or expiry).
    public func covers(_ finding: ReportedFinding) -> Bool {
        let resourceMatches = glob(resource, finding.resource.id) || glob(resource, finding.resource.name)
        guard glob(policy, finding.policy.id), resourceMatches else { return false }
        if let account, !glob(account, finding.resource.account) { return false }
        if let region {
            guard let actual = finding.resource.region, glob(region, actual) else { return false }
        }
        return true
    }

    private func glob(_ pattern: String, _ value: String) -> Bool {
        Wildcard.matches(pattern: pattern, value: value, caseInsensitive: false)
    }

    /// The record a suppressed finding carries.
    var applied: AppliedWaiver {
        AppliedWaiver(policy: policy, resource: resource, reason: reason, owner: owner, expires: expiresText,
                      source: "\(location.file):\(location.line)")
    }
}

/// The waiver that suppresses a finding, as every report shows it.
public struct AppliedWaiver: Codable, Sendable, Hashable {
    public var policy: String
    public var resource: String
    public var reason: String
    public var owner: String?
    public var expires: String
    /// `FILE:LINE` of the waiver entry.
    public var source: String
}

/// What the waiver file did in this scan.
public struct WaiverSummary: Codable, Sendable {
    public var file: String
    /// The clock expiry was judged against (`--now`, else the time of the run).
    public var checkedAt: Date
    /// Findings suppressed by an active waiver.
    public var suppressed: Int
    /// Every waiver, in file order, with its state.
    public var waivers: [WaiverStatus]

    public var expired: [WaiverStatus] { waivers.filter { $0.state == .expired } }
    public var stale: [WaiverStatus] { waivers.filter { $0.state == .stale } }
}

/// One waiver's state in this scan.
public struct WaiverStatus: Codable, Sendable, Hashable {
    public enum State: String, Codable, Sendable {
        /// In force and suppressing at least one finding.
        case active
        /// Past its expiry date: it no longer suppresses anything.
        case expired
        /// In force but matched no failing finding: the risk is gone or the waiver is mistyped.
        case stale
    }

    public var state: State
    public var policy: String
    public var resource: String
    public var account: String?
    public var region: String?
    public var reason: String
    public var owner: String?
    public var expires: String
    /// `FILE:LINE` of the entry.
    public var source: String
    /// Failing findings the waiver covers (for an expired waiver: the ones that fail again).
    public var matched: Int
}
