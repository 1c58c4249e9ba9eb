import Findings
import Foundation
import Model
@testable import PolicyEngine
import PostureTesting
@testable import Reporting
import Testing
import Triage

@Suite("Scan reports")
struct ReportTests {
    /// The bundled pack evaluated on a small synthetic inventory.
    private func report(_ inventory: Inventory, includePass: Bool = false) throws -> ScanReport {
        let catalog = try PolicyCatalog.load(paths: [TestPaths.policies().path], model: ModelFixtures.model).get()
        let time = Date(timeIntervalSince1970: 1_767_225_600)
        let findings = PolicyEvaluator(policies: catalog.policies, model: ModelFixtures.model, now: time).evaluate(inventory)
        return ReportBuilder(includePass: includePass).build(
            source: "test", providers: [.aws], kinds: ModelFixtures.model.kinds.map(\.kind), time: time, inventory: inventory, policies: catalog.policies,
            findings: findings, responsibility: catalog.responsibility)
    }

    @Test("fingerprints depend on provider, account, policy and resource only")
    func fingerprints() {
        let base = Fingerprint.of(provider: .aws, account: "1", policy: "p", resource: "r")
        #expect(base == Fingerprint.of(provider: .aws, account: "1", policy: "p", resource: "r"))
        #expect(base != Fingerprint.of(provider: .aws, account: "2", policy: "p", resource: "r"))
        #expect(base != Fingerprint.of(provider: .aws, account: "1", policy: "q", resource: "r"))
        #expect(Fingerprint.of(provider: .aws, account: "1", policy: "ab", resource: "c")
            != Fingerprint.of(provider: .aws, account: "1", policy: "a", resource: "bc"))
        #expect(base.count == 32)
    }

    @Test("the JSON report is the same whatever the input order, and carries its schema version")
    func stableJSON() throws {
        let inventory = SyntheticInventory.make(count: 400)
        var shuffled = inventory
        shuffled.identities.reverse()
        shuffled.buckets.reverse()
        let first = try JSONReport.render(report(inventory))
        let second = try JSONReport.render(report(shuffled))
        #expect(first == second)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? String == ScanReport.currentSchemaVersion)
        let findings = try #require(object["findings"] as? [[String: Any]])
        let finding = try #require(findings.first)
        let policy = try #require(finding["policy"] as? [String: Any])
        #expect(policy["frameworks"] is [String: [String]])
        #expect((finding["resource"] as? [String: Any])?["kind"] != nil)
        #expect((finding["fingerprint"] as? String)?.count == 32)
    }

    @Test("passes are listed only when asked, but always counted")
    func passes() throws {
        let inventory = SyntheticInventory.make(count: 200)
        let without = try report(inventory)
        let with = try report(inventory, includePass: true)
        #expect(!without.findings.contains { $0.status == .pass })
        #expect(with.findings.contains { $0.status == .pass })
        #expect(without.summary.byStatus["pass"] == with.summary.byStatus["pass"])
        #expect((without.summary.byStatus["pass"] ?? 0) > 0)
    }

    struct ExitCase: Sendable, CustomTestStringConvertible {
        let name: String
        let severities: [Severity]
        let status: FindingStatus
        let incomplete: Bool
        let failOn: Severity?
        let expected: ExitDecision.Outcome
        var testDescription: String { name }
    }

    static let exitCases: [ExitCase] = [
        ExitCase(name: "no findings", severities: [], status: .fail, incomplete: false, failOn: .high, expected: .clean),
        ExitCase(name: "high failure, fail-on high", severities: [.high], status: .fail, incomplete: false, failOn: .high, expected: .violations),
        ExitCase(name: "medium failure, fail-on high", severities: [.medium], status: .fail, incomplete: false, failOn: .high, expected: .clean),
        ExitCase(name: "critical failure, fail-on none", severities: [.critical], status: .fail, incomplete: false, failOn: nil, expected: .clean),
        ExitCase(name: "evaluation error counts as failing", severities: [.high], status: .error, incomplete: false, failOn: .high, expected: .violations),
        ExitCase(name: "not assessed never fails", severities: [.critical], status: .notAssessed, incomplete: false, failOn: .info, expected: .clean),
        ExitCase(name: "incomplete without violations", severities: [.low], status: .fail, incomplete: true, failOn: .high, expected: .incomplete),
        ExitCase(name: "violations win over incomplete", severities: [.critical], status: .fail, incomplete: true, failOn: .high, expected: .violations),
    ]

    @Test("exit codes, case by case", arguments: exitCases)
    func exitCodes(_ testCase: ExitCase) throws {
        var report = try report(Inventory())
        report.findings = testCase.severities.map { severity in
            let policy = try? PolicyCatalog.load(paths: [TestPaths.policies().path], model: ModelFixtures.model).get().policies.first { $0.severity == severity }
            return ReportedFinding(policy: PolicyReference(policy!), resource: ResourceReference(ModelFixtures.bucket),
                                   status: testCase.status, message: "m", fingerprint: "f")
        }
        report.scan.incomplete = testCase.incomplete ? [CollectionError(source: "x", message: "unreadable")] : []
        #expect(ExitDecision.decide(report, failOn: testCase.failOn) == testCase.expected)
    }

    @Test("the text report groups by severity and shows the responsibility view")
    func text() throws {
        let text = TextReport.render(try report(SyntheticInventory.make(count: 300)))
        #expect(text.contains("CRITICAL ("))
        #expect(text.contains("Shared responsibility"))
        #expect(text.contains("Failures by severity"))
    }
}

@Suite("Chunked JSON")
struct ChunkedJSONTests {
    @Test("the chunked writer gives the same bytes as one encoder over the whole report", arguments: [0, 1, 3, 3000])
    func sameBytes(resources: Int) throws {
        let catalog = try PolicyCatalog.load(paths: [TestPaths.policies().path], model: ModelFixtures.model).get()
        let time = Date(timeIntervalSince1970: 1_767_225_600)
        let inventory = SyntheticInventory.make(count: resources)
        let findings = PolicyEvaluator(policies: catalog.policies, model: ModelFixtures.model, now: time).evaluate(inventory)
        let report = ReportBuilder().build(source: "test", providers: [.aws], kinds: ModelFixtures.model.kinds.map(\.kind), time: time, inventory: inventory,
                                           policies: catalog.policies, findings: findings, responsibility: catalog.responsibility)
        #expect(resources < 3000 || report.findings.count > JSONReport.chunkSize)
        #expect(try JSONReport.render(report) == JSONReport.renderWhole(report))
    }
}
