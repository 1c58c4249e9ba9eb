import Foundation
import PostureTesting
@testable import Reporting
import Testing

/// SARIF, OCSF and JUnit output checked by the official schemas and a real JUnit reader.
@Suite("Report formats validate against their schemas",
       .enabled(if: ReportValidator.available, "../shared/schemas is absent: schema validation skipped"))
struct SchemaValidationTests {
    private func validate(_ kind: String, _ text: String) async throws -> ReportValidator.Outcome {
        let folder = try ScratchFolder("posture-schema")
        let path = try folder.write("report.\(kind)", text)
        return try await ReportValidator.run([(kind, path)])
    }

    @Test("SARIF validates against the SARIF 2.1.0 schema and code scanning's needs", arguments: [false, true])
    func sarif(triaged: Bool) async throws {
        let report = try triaged ? ReportFixture.triaged() : ReportFixture.report()
        let outcome = try await validate("sarif", SARIFReport.render(report.droppingPasses(), context: ReportFixture.context()))
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    @Test("OCSF Detection Findings validate against the OCSF 1.4.0 cloud-profile schema", arguments: [false, true])
    func ocsf(triaged: Bool) async throws {
        let report = try triaged ? ReportFixture.triaged() : ReportFixture.report()
        let outcome = try await validate("ocsf", OCSFReport.render(report, context: ReportFixture.context()))
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    @Test("JUnit validates against both XSDs and junitparser's counts match", arguments: [false, true])
    func junit(triaged: Bool) async throws {
        let report = try triaged ? ReportFixture.triaged() : ReportFixture.report()
        let outcome = try await validate("junit", JUnitReport.render(report))
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    @Test("an empty scan still gives valid documents")
    func empty() async throws {
        let report = try ReportFixture.report(.init())
        #expect(try await validate("sarif", SARIFReport.render(report)).status == 0)
        #expect(try await validate("ocsf", OCSFReport.render(report)).status == 0)
        #expect(try await validate("junit", JUnitReport.render(report)).status == 0)
    }

    /// The validator must be able to fail: broken documents are rejected.
    @Test("the validator rejects broken documents", arguments: [
        ("sarif", #"{"version": "2.0.0", "runs": []}"#),
        ("ocsf", #"[{"class_uid": 2004, "metadata": {"version": "1.4.0"}}]"#),
        ("junit", #"<testsuites><testsuite name="x" tests="2" failures="0" errors="0"><testcase name="a"/></testsuite></testsuites>"#),
    ])
    func rejects(kind: String, text: String) async throws {
        let outcome = try await validate(kind, text)
        #expect(outcome.status == 1, "\(outcome.output)")
        #expect(outcome.output.contains("INVALID"))
    }
}
