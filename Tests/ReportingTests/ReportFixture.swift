import Foundation
import Model
@testable import PolicyEngine
import PostureTesting
@testable import Reporting
import Triage

/// Reports for the format, waiver and baseline tests: the bundled pack on a synthetic inventory.
enum ReportFixture {
    static let time = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01T00:00:00Z

    static func catalog() throws -> PolicyCatalog {
        try PolicyCatalog.load(paths: [TestPaths.policies().path], model: ModelFixtures.model).get()
    }

    /// Every finding listed (passes too), as `posture scan --include-pass` builds it.
    static func report(_ inventory: Inventory = SyntheticInventory.make(count: 40), includePass: Bool = true) throws -> ScanReport {
        let catalog = try catalog()
        let findings = PolicyEvaluator(policies: catalog.policies, model: ModelFixtures.model, now: time).evaluate(inventory)
        return ReportBuilder(includePass: includePass).build(
            source: "snapshots/synthetic", providers: [.aws], kinds: ModelFixtures.model.kinds.map(\.kind), time: time, inventory: inventory, policies: catalog.policies,
            findings: findings, responsibility: catalog.responsibility)
    }

    static func context() throws -> ReportContext {
        let catalog = try catalog()
        return ReportContext(policies: catalog.policies, responsibility: catalog.responsibility, workingDirectory: "/nonexistent")
    }

    /// A report that exercises every branch of the formats: a waived finding, an expired and a
    /// stale waiver, a baseline (so new and unchanged findings), an evaluation error, an
    /// incomplete part, and hostile text (markup, quotes, commas, control characters).
    static func triaged() throws -> ScanReport {
        var report = try report()
        let failing = report.findings.filter { $0.status == .fail }
        guard let first = failing.first, let second = failing.dropFirst().first, var hostile = failing.last, failing.count > 8 else {
            throw FixtureError("too few failures in the synthetic report")
        }
        hostile.status = .error
        hostile.message = "<script>alert('x')</script>, \"quoted\" | piped\nsecond line \u{01} =SUM(A1)"
        hostile.fingerprint = String(repeating: "e", count: 32)
        report.findings.insert(hostile, at: 0)
        report.scan.incomplete = [CollectionError(source: "s3/x.json (s3:GetBucketAcl)", account: first.resource.account, code: "AccessDenied", message: "Access Denied <b>")]
        let waivers = try WaiverSet.parse("""
        waivers:
          - policy: \(first.policy.id)
            resource: "\(first.resource.id)"
            reason: "Accepted: <b>bold</b> & co"
            owner: platform-team
            expires: 2026-06-30
          - policy: "\(second.policy.id)"
            resource: "\(second.resource.name)"
            reason: Expired exception
            expires: 2025-06-30
          - policy: no-such-policy-*
            resource: "*"
            reason: Nothing matches this
            expires: 2027-01-01
        """, file: "waivers.yaml").get()
        waivers.apply(to: &report, now: time)
        Baseline(file: "baseline.json", fingerprints: Set(failing.dropFirst(2).prefix(5).map(\.fingerprint)) ).apply(to: &report)
        return report
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `scripts/validate-reports.py` (JSON Schema, the JUnit XSDs, junitparser).
enum ReportValidator {
    static let schemas = TestPaths.shared("schemas")
    static var available: Bool { schemas != nil }

    struct Outcome {
        let status: Int32
        let output: String
    }

    /// Validates `reports` (kind → file): exit status 0 means every one is valid.
    static func run(_ reports: [(kind: String, path: String)]) async throws -> Outcome {
        guard let schemas else { throw FixtureError("../shared/schemas is absent") }
        let script = TestPaths.packageRoot().appendingPathComponent("scripts/validate-reports.py").path
        let result = try await ChildRun.run(["python3", script, "--schemas", schemas.path] + reports.map { "\($0.kind)=\($0.path)" })
        return Outcome(status: result.status, output: result.stdout + result.stderr)
    }
}
