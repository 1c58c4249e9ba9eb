import Findings
import Foundation
import Model
@testable import PolicyEngine
import PostureTesting
@testable import Reporting
import SourceText
import Testing
import Triage

@Suite("Waivers")
struct WaiverTests {
    private static let file = """
    waivers:
      - policy: aws-s3-*
        resource: "arn:aws:s3:::public-*"
        account: "123456789012"
        reason: Public website assets
        owner: web-team
        expires: 2026-06-30
    """

    private func finding(policy: String = "aws-s3-bucket-public", resource: String = "arn:aws:s3:::public-site",
                         name: String = "public-site", account: String = "123456789012", region: String? = "eu-west-1",
                         status: FindingStatus = .fail) throws -> ReportedFinding {
        let catalog = try ReportFixture.catalog()
        let policy = try #require(catalog.policies.first { $0.id == policy } ?? catalog.policies.first)
        var bucket = ModelFixtures.bucket
        bucket.id = resource
        bucket.name = name
        bucket.account = account
        bucket.region = region
        return ReportedFinding(policy: PolicyReference(policy), resource: ResourceReference(bucket), status: status, message: "m",
                               fingerprint: Fingerprint.of(provider: .aws, account: account, policy: policy.id, resource: resource))
    }

    private func report(_ findings: [ReportedFinding]) throws -> ScanReport {
        var report = try ReportFixture.report(.init(), includePass: false)
        report.findings = findings
        return report
    }

    private func date(_ text: String) throws -> Date { try #require(RFC3339.parse(text)) }

    @Test("a waiver file loads with every field")
    func loads() throws {
        let set = try WaiverSet.parse(Self.file, file: "w.yaml").get()
        let waiver = try #require(set.waivers.first)
        #expect(waiver.policy == "aws-s3-*" && waiver.account == "123456789012" && waiver.owner == "web-team")
        #expect(waiver.expiresText == "2026-06-30")
        #expect(waiver.location == SourceLocation(file: "w.yaml", line: 2, column: 5))
        #expect(try WaiverSet.parse("- {policy: p, resource: r, reason: x, expires: 2026-01-01T12:00:00Z}", file: "w").get().waivers.count == 1)
    }

    struct ExpiryCase: Sendable, CustomTestStringConvertible {
        let expires: String
        let now: String
        let active: Bool
        var testDescription: String { "expires \(expires) at \(now): \(active ? "active" : "expired")" }
    }

    @Test("expiry against the injected clock: a date is valid through that day (UTC)", arguments: [
        ExpiryCase(expires: "2026-06-30", now: "2026-06-29T12:00:00Z", active: true),
        ExpiryCase(expires: "2026-06-30", now: "2026-06-30T23:59:59Z", active: true),
        ExpiryCase(expires: "2026-06-30", now: "2026-07-01T00:00:00Z", active: false),
        ExpiryCase(expires: "2026-06-30T12:00:00Z", now: "2026-06-30T11:59:59Z", active: true),
        ExpiryCase(expires: "2026-06-30T12:00:00Z", now: "2026-06-30T12:00:00Z", active: false),
    ])
    func expiry(_ testCase: ExpiryCase) throws {
        let text = "- {policy: '*', resource: '*', reason: r, expires: \(testCase.expires)}"
        let set = try WaiverSet.parse(text, file: "w").get()
        var report = try report([finding()])
        set.apply(to: &report, now: try date(testCase.now))
        #expect(report.findings[0].isSuppressed == testCase.active)
        #expect(report.waivers?.waivers.first?.state == (testCase.active ? .active : .expired))
        #expect(report.waivers?.suppressed == (testCase.active ? 1 : 0))
    }

    @Test("matching: policy glob, resource glob on ARN or name, account and region", arguments: [
        ("arn:aws:s3:::public-site", "public-site", "123456789012", "eu-west-1", true),
        ("arn:aws:s3:::other", "public-x", "123456789012", "eu-west-1", false),   // the glob is on the ARN form
        ("arn:aws:s3:::public-site", "public-site", "999999999999", "eu-west-1", false),
    ])
    func matching(resource: String, name: String, account: String, region: String, matches: Bool) throws {
        let set = try WaiverSet.parse(Self.file, file: "w").get()
        #expect(set.waivers[0].covers(try finding(resource: resource, name: name, account: account, region: region)) == matches)
    }

    @Test("a name glob matches the resource name; a region waiver skips regionless resources")
    func nameAndRegion() throws {
        let waiver = try #require(try WaiverSet.parse("- {policy: '*', resource: 'public-s?te', region: 'eu-*', reason: r, expires: 2030-01-01}",
                                                      file: "w").get().waivers.first)
        #expect(waiver.covers(try finding()))
        #expect(!waiver.covers(try finding(region: nil)))
        #expect(!waiver.covers(try finding(region: "us-east-1")))
    }

    @Test("stale and expired waivers are reported; only failing findings are waived; the first active waiver wins")
    func states() throws {
        let text = """
        - {policy: aws-s3-bucket-public, resource: '*', reason: old, expires: 2020-01-01}
        - {policy: aws-s3-bucket-public, resource: '*', reason: current, expires: 2030-01-01}
        - {policy: aws-s3-bucket-public, resource: '*', reason: also current, expires: 2031-01-01}
        - {policy: nothing-*, resource: '*', reason: stale, expires: 2030-01-01}
        """
        let set = try WaiverSet.parse(text, file: "w.yaml").get()
        var report = try report([finding(), finding(resource: "arn:aws:s3:::b", name: "b", status: .notAssessed)])
        set.apply(to: &report, now: ReportFixture.time)
        #expect(report.findings[0].waiver?.reason == "current")
        #expect(report.findings[0].waiver?.source == "w.yaml:2")
        #expect(report.findings[1].waiver == nil, "not-assessed findings are not waived")
        #expect(report.waivers?.waivers.map(\.state) == [.expired, .active, .active, .stale])
        #expect(report.waivers?.expired.first?.matched == 1)
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let place: String
        let message: String
        var testDescription: String { name }
    }

    @Test("a broken waiver file is a load error with line and column", arguments: [
        ErrorCase(name: "missing reason", yaml: "waivers:\n  - policy: p\n    resource: r\n    expires: 2026-01-01\n", place: "w.yaml:2:5", message: "lacks 'reason'"),
        ErrorCase(name: "missing expires", yaml: "- policy: p\n  resource: r\n  reason: x\n", place: "w.yaml:1:3", message: "lacks 'expires'"),
        ErrorCase(name: "bad date", yaml: "- policy: p\n  resource: r\n  reason: x\n  expires: 2026-13-01\n", place: "w.yaml:4:12", message: "'expires' must be a date"),
        ErrorCase(name: "misspelt key", yaml: "- policy: p\n  resource: r\n  reson: x\n  expires: 2026-01-01\n", place: "w.yaml:3:3", message: "unknown key 'reson'"),
        ErrorCase(name: "YAML syntax", yaml: "- policy: [p\n  resource: r\n", place: "w.yaml:2:11", message: "invalid YAML"),
        ErrorCase(name: "empty reason", yaml: "- {policy: p, resource: r, reason: '', expires: 2026-01-01}\n", place: "w.yaml:1:36", message: "'reason' must not be empty"),
        ErrorCase(name: "not a list", yaml: "policy: p\n", place: "w.yaml:1:1", message: "unknown key 'policy'"),
        ErrorCase(name: "entry not a mapping", yaml: "waivers:\n  - just a string\n", place: "w.yaml:2:5", message: "each waiver must be a mapping"),
        ErrorCase(name: "duplicate key", yaml: "- policy: p\n  policy: q\n  resource: r\n  reason: x\n  expires: 2026-01-01\n", place: "w.yaml:", message: "duplicate key"),
    ])
    func loadErrors(_ testCase: ErrorCase) throws {
        let result = WaiverSet.parse(testCase.yaml, file: "w.yaml")
        guard case let .failure(list) = result else {
            Issue.record("expected a load error")
            return
        }
        #expect(list.sorted.contains { $0.description.hasPrefix(testCase.place) && $0.message.contains(testCase.message) }, "\(list)")
        #expect(list.description.contains("^"), "the caret display")
    }

    @Test("an unreadable waiver file is a load error naming it")
    func unreadable() {
        guard case let .failure(list) = WaiverSet.load("/nonexistent/waivers.yaml") else {
            Issue.record("expected a load error")
            return
        }
        #expect(list.description.hasPrefix("/nonexistent/waivers.yaml:1:1: error:"))
    }
}
