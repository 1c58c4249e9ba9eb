import Findings
import Foundation
import Model
@testable import PolicyEngine
import PostureTesting
@testable import Reporting
import Testing
import Triage

/// The README's exit-code table, case by case, with waivers, baselines and the gate's switches.
@Suite("CI gate exit codes")
struct GateTests {
    enum Triage: Sendable { case none, waived, expiredWaiver, inBaseline, newSinceBaseline }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        var severity: Severity? = .high
        var status: FindingStatus = .fail
        var triage: Triage = .none
        var incomplete = false
        var failOn: Severity? = .high
        var allowIncomplete = false
        var softFail = false
        let expected: ExitDecision.Outcome
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "0: no findings", severity: nil, expected: .clean),
        Case(name: "0: violation below the threshold", severity: .medium, expected: .clean),
        Case(name: "0: --fail-on none", severity: .critical, failOn: nil, expected: .clean),
        Case(name: "0: not assessed never fails", severity: .critical, status: .notAssessed, failOn: .info, expected: .clean),
        Case(name: "0: violation waived", triage: .waived, expected: .clean),
        Case(name: "0: violation already in the baseline", triage: .inBaseline, expected: .clean),
        Case(name: "0: incomplete with --allow-incomplete", severity: nil, incomplete: true, allowIncomplete: true, expected: .clean),
        Case(name: "0: violations with --soft-fail", severity: .critical, softFail: true, expected: .clean),
        Case(name: "0: incomplete with --soft-fail", severity: nil, incomplete: true, softFail: true, expected: .clean),
        Case(name: "1: violation at the threshold", expected: .violations),
        Case(name: "1: evaluation error counts as failing", status: .error, expected: .violations),
        Case(name: "1: expired waiver no longer applies", triage: .expiredWaiver, expected: .violations),
        Case(name: "1: violation new since the baseline", triage: .newSinceBaseline, expected: .violations),
        Case(name: "1: violations win over incomplete", incomplete: true, expected: .violations),
        Case(name: "1: violations with --allow-incomplete", incomplete: true, allowIncomplete: true, expected: .violations),
        Case(name: "3: incomplete, no violation", severity: .low, incomplete: true, expected: .incomplete),
        Case(name: "3: incomplete, violation waived", triage: .waived, incomplete: true, expected: .incomplete),
    ]

    @Test("exit code", arguments: cases)
    func exitCode(_ testCase: Case) throws {
        var report = try ReportFixture.report(.init(), includePass: false)
        if let severity = testCase.severity {
            let policy = try #require(try ReportFixture.catalog().policies.first { $0.severity == severity })
            report.findings = [ReportedFinding(policy: PolicyReference(policy), resource: ResourceReference(ModelFixtures.bucket),
                                               status: testCase.status, message: "m", fingerprint: "f1")]
        }
        report.scan.incomplete = testCase.incomplete ? [CollectionError(source: "x", message: "unreadable")] : []
        let waiver = "- {policy: '*', resource: '*', reason: accepted, expires: %@}"
        switch testCase.triage {
        case .none: break
        case .waived: try WaiverSet.parse(String(format: waiver, "2030-01-01"), file: "w").get().apply(to: &report, now: ReportFixture.time)
        case .expiredWaiver: try WaiverSet.parse(String(format: waiver, "2025-12-31"), file: "w").get().apply(to: &report, now: ReportFixture.time)
        case .inBaseline: Baseline(file: "b", fingerprints: ["f1"]).apply(to: &report)
        case .newSinceBaseline: Baseline(file: "b", fingerprints: ["other"]).apply(to: &report)
        }
        let gate = ExitDecision.Gate(failOn: testCase.failOn, failOnIncomplete: !testCase.allowIncomplete, softFail: testCase.softFail)
        #expect(ExitDecision.decide(report, gate: gate) == testCase.expected)
    }
}

@Suite("Baselines and fingerprints")
struct BaselineTests {
    @Test("a previous JSON report as baseline: known failures are unchanged, others new, fixed ones resolved")
    func compare() throws {
        let report = try ReportFixture.report(includePass: false)
        var previous = report
        let failing = previous.findings.filter(\.isFailing)
        try #require(failing.count > 4)
        previous.findings.removeAll { $0.fingerprint == failing[0].fingerprint }   // a new failure since then
        previous.findings.append(ReportedFinding(policy: failing[1].policy, resource: failing[1].resource, status: .fail,
                                                 message: "fixed since", fingerprint: String(repeating: "0", count: 32)))
        let folder = try ScratchFolder("posture-baseline")
        let path = try folder.write("baseline.json", try JSONReport.render(previous))
        let baseline = try Baseline.load(path).get()
        var current = report
        baseline.apply(to: &current)
        let summary = try #require(current.baseline)
        #expect(summary.new == 1 && summary.unchanged == failing.count - 1 && summary.resolved == 1)
        #expect(current.findings.first { $0.fingerprint == failing[0].fingerprint }?.baseline == .new)
        #expect(ExitDecision.gating(current, failOn: .info).map(\.fingerprint) == [failing[0].fingerprint])
    }

    @Test("passing findings in the baseline are not known failures")
    func passesIgnored() throws {
        let folder = try ScratchFolder("posture-baseline")
        let path = try folder.write("b.json", #"{"schemaVersion": "1.0", "findings": [{"fingerprint": "a", "status": "pass"}, {"fingerprint": "b", "status": "error"}]}"#)
        #expect(try Baseline.load(path).get().fingerprints == ["b"])
    }

    @Test("a file that is not a posture JSON report is an error", arguments: [
        ("not json", "not a posture JSON report"), (#"{"findings": []}"#, "no 'schemaVersion'"),
        (#"{"schemaVersion": "2.0", "findings": []}"#, "not compatible"),
    ])
    func badBaseline(text: String, message: String) throws {
        let folder = try ScratchFolder("posture-baseline")
        let path = try folder.write("b.json", text)
        guard case let .failure(error) = Baseline.load(path) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.description.hasPrefix(path) && error.description.contains(message), "\(error)")
    }

    @Test("fingerprints are stable across runs and input order, and ignore messages and times")
    func stableFingerprints() throws {
        let inventory = SyntheticInventory.make(count: 120)
        var shuffled = inventory
        shuffled.identities.reverse()
        shuffled.buckets.reverse()
        shuffled.accounts.reverse()
        let first = try ReportFixture.report(inventory).findings.map(\.fingerprint)
        let second = try ReportFixture.report(shuffled).findings.map(\.fingerprint)
        #expect(first == second)
        #expect(Set(first).count == first.count, "one fingerprint per (policy, resource)")
    }
}

@Suite("Output targets")
struct OutputTargetTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        var formats: [ReportFormat] = []
        var outputs: [String] = []
        var reports: [String] = []
        let expected: [String]?   // nil: a usage error
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "default: text to standard output", expected: ["text=-"]),
        Case(name: "legacy --format json -o FILE", formats: [.json], outputs: ["r.json"], expected: ["json=r.json"]),
        Case(name: "legacy -o FILE alone writes text", outputs: ["r.txt"], expected: ["text=r.txt"]),
        Case(name: "pairs by position", formats: [.sarif, .junit], outputs: ["p.sarif", "p.xml"], expected: ["sarif=p.sarif", "junit=p.xml"]),
        Case(name: "a format without output goes to stdout", formats: [.sarif, .markdown], outputs: ["p.sarif"], expected: ["sarif=p.sarif", "markdown=-"]),
        Case(name: "--report keeps text on stdout", reports: ["sarif=p.sarif", "html=r.html"], expected: ["text=-", "sarif=p.sarif", "html=r.html"]),
        Case(name: "--report to stdout replaces text", reports: ["markdown=-", "junit=j.xml"], expected: ["markdown=-", "junit=j.xml"]),
        Case(name: "aliases", reports: ["md=a.md", "xml=b.xml"], expected: ["text=-", "markdown=a.md", "junit=b.xml"]),
        Case(name: "two reports on stdout", formats: [.text, .json], expected: nil),
        Case(name: "more outputs than formats", formats: [.json], outputs: ["a", "b"], expected: nil),
        Case(name: "same file twice", reports: ["sarif=x", "json=x"], expected: nil),
        Case(name: "unknown format", reports: ["pdf=x.pdf"], expected: nil),
        Case(name: "empty path", reports: ["sarif="], expected: nil),
    ]

    @Test("planning --format, --output and --report", arguments: cases)
    func plan(_ testCase: Case) {
        do {
            let reports = try testCase.reports.map { text throws(OutputTarget.ParseError) in try OutputTarget.parse(text) }
            let targets = try OutputTarget.plan(formats: testCase.formats, outputs: testCase.outputs, reports: reports)
            #expect(targets.map(\.description) == testCase.expected)
        } catch {
            #expect(testCase.expected == nil, "\(error)")
        }
    }
}
