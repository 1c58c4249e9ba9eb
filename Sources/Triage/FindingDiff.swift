import Findings

/// How two scans of the same scope differ, finding by finding, matched by fingerprint (which
/// hashes provider, account, policy and resource: never messages or times).
///
/// Only failing findings (`fail` or `error`) count as open: a finding that passes, or is not
/// assessed, in the newer scan is not "still open". A finding open in both scans whose
/// severity or message changed is `changed`, not `stillOpen`, so a rewritten policy or a
/// worse condition on the same resource is visible.
public struct FindingDiff: Sendable {
    /// Open in the newer scan, not in the older one.
    public let new: [ReportedFinding]
    /// Open in the older scan and no longer open in the newer one (fixed, or the resource is gone).
    public let resolved: [ReportedFinding]
    /// Open in both, with the same severity and message.
    public let stillOpen: [ReportedFinding]
    /// Open in both, with another severity or message: the newer finding and the older one.
    public let changed: [Change]

    public struct Change: Sendable {
        public let old: ReportedFinding
        public let new: ReportedFinding
        /// What changed: `severity`, `message`, or both.
        public var fields: [String] {
            var changed: [String] = []
            if old.policy.severity != new.policy.severity { changed.append("severity") }
            if old.message != new.message { changed.append("message") }
            return changed
        }
    }

    /// Compares `old` with `new`; each list keeps the order of the scan it comes from.
    public init(old: [ReportedFinding], new: [ReportedFinding]) {
        let oldOpen = old.filter(\.isFailing)
        let newOpen = new.filter(\.isFailing)
        let oldByPrint = Dictionary(oldOpen.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        let newPrints = Set(newOpen.map(\.fingerprint))
        var added: [ReportedFinding] = [], still: [ReportedFinding] = [], changes: [Change] = []
        for finding in newOpen {
            guard let before = oldByPrint[finding.fingerprint] else { added.append(finding); continue }
            if before.policy.severity == finding.policy.severity, before.message == finding.message {
                still.append(finding)
            } else {
                changes.append(Change(old: before, new: finding))
            }
        }
        self.new = added
        stillOpen = still
        changed = changes
        resolved = oldOpen.filter { !newPrints.contains($0.fingerprint) }
    }
}
