import Findings
import Model
import Testing
import Triage

@Suite("Differences between two scans")
struct FindingDiffTests {
    private static let source = ResourceSource(kind: .file, location: "x.json")

    private func finding(_ policy: String, _ resource: String, _ status: FindingStatus = .fail,
                         severity: Severity = .high, message: String = "m") -> ReportedFinding {
        let reference = PolicyReference(id: policy, title: policy, severity: severity, responsibility: "data-protection")
        let bucket = Bucket(id: "arn:aws:s3:::\(resource)", name: resource, provider: .aws, account: "1", source: Self.source)
        return ReportedFinding(Finding(policy: reference, resource: ResourceReference(bucket), status: status, message: message))
    }

    @Test("new, resolved, still open and changed are told apart by fingerprint")
    func classifies() {
        let old = [
            finding("p1", "a"), finding("p1", "b"), finding("p2", "a", severity: .medium), finding("p3", "a", message: "old text"),
            finding("p4", "a", .error),
        ]
        let new = [
            finding("p1", "a"), finding("p1", "c"), finding("p2", "a", severity: .critical), finding("p3", "a", message: "new text"),
            finding("p1", "b", .pass), finding("p4", "a", .notAssessed),
        ]
        let diff = FindingDiff(old: old, new: new)
        #expect(diff.new.map(\.resource.name) == ["c"])
        #expect(diff.stillOpen.map { "\($0.policy.id) \($0.resource.name)" } == ["p1 a"])
        #expect(Set(diff.resolved.map { "\($0.policy.id) \($0.resource.name)" }) == ["p1 b", "p4 a"])
        #expect(diff.changed.map(\.new.policy.id) == ["p2", "p3"])
        #expect(diff.changed.map(\.fields) == [["severity"], ["message"]])
    }

    @Test("a finding open in both scans keeps its fingerprint whatever its message")
    func fingerprintIgnoresMessage() {
        #expect(finding("p", "a", message: "x").fingerprint == finding("p", "a", message: "y").fingerprint)
        #expect(finding("p", "a").fingerprint != finding("p", "b").fingerprint)
    }

    @Test("an empty scan after a full one resolves everything open, and nothing else")
    func emptyAfterFull() {
        let diff = FindingDiff(old: [finding("p", "a"), finding("p", "b", .pass)], new: [])
        #expect(diff.resolved.count == 1 && diff.new.isEmpty && diff.stillOpen.isEmpty && diff.changed.isEmpty)
    }
}
