import Findings
import Foundation
import Model
import PolicyEngine
import PostureTesting
import ProviderAWS
import ProviderKit
import Reporting
import Scanning
import Testing

/// The provider seam, tested with a provider of the suite's own (`AcmeProvider`): it plugs in
/// through the registry, its kind and section join the model, its policies load and evaluate,
/// and a scan goes end to end (input → report → exit code), alone and beside AWS in one
/// report — with no file of ProviderAWS, Scanning or the executable knowing it.
@Suite("A provider plugged in through the registry")
struct SeamTests {
    static let fixtures = TestPaths.packageRoot().appendingPathComponent("Tests/ScanningTests/Fixtures")
    static let acmeSnapshot = fixtures.appendingPathComponent("acme-snapshot").path
    static let acmePolicies = fixtures.appendingPathComponent("acme-policies").path
    static let demo = TestPaths.packageRoot().appendingPathComponent("snapshots/demo").path

    static func registry() throws -> ProviderRegistry { try ProviderRegistry([AWSProvider(), AcmeProvider()]) }

    /// Runs a scan with its events collected.
    static func scan(_ inputs: [String], policies: [String], formats: [ReportFormat] = [.json]) async throws
        -> (outcome: ScanOutcome, events: CollectedEvents) {
        let registry = try registry()
        let catalog = try PolicyCatalog.load(paths: policies, model: registry.model).get()
        let events = CollectedEvents()
        let request = ScanRequest(inputs: inputs.map { .snapshot($0) }, catalog: catalog, now: Date(timeIntervalSince1970: 1_796_000_000),
                                  outputs: formats.map { OutputTarget(format: $0, path: nil) })
        return (await Scanner(registry: registry).run(request, events: events), events)
    }

    @Test("the provider's kind, section, data sets and profile join the model")
    func model() throws {
        let model = try Self.registry().model
        #expect(model.kinds.map(\.kind) == [.account, .identity, .bucket, .trail, .key, "sensor"])
        #expect(model.schema(.account)?.field(named: "acme") != nil && model.schema(.account)?.field(named: "aws") != nil)
        #expect(model.dataSets(of: .acme) == ["sensors", "tenant"])
        #expect(model.kinds(for: .acme).contains("sensor") && !model.kinds(for: .aws).contains("sensor"))
        #expect(try ProviderRegistry([AWSProvider()]).model.schema("sensor") == nil)
        #expect(throws: CatalogError.self) { try ProviderRegistry([AcmeProvider(), AcmeProvider()]) }
    }

    @Test("its policies load only where it is registered, and their examples behave")
    func policies() throws {
        let catalog = try PolicyCatalog.load(paths: [Self.acmePolicies], model: Self.registry().model).get()
        #expect(catalog.policies.map(\.id).sorted() == ["acme-sensor-default-password", "acme-tenant-sso"])
        let outcomes = ExampleRunner.run(catalog.policies)
        #expect(outcomes.count == 7 && outcomes.allSatisfy { $0.passed }, "\(outcomes.compactMap(\.problem))")
        guard case let .failure(problems) = PolicyCatalog.load(paths: [Self.acmePolicies], model: try ProviderRegistry([AWSProvider()]).model) else {
            Issue.record("acme policies loaded without the acme provider")
            return
        }
        #expect(problems.description.contains("provider must be one of aws, not 'acme'"))
    }

    @Test("a scan of its snapshot goes through the registry end to end: findings, report, exit code")
    func scanAlone() async throws {
        let (outcome, events) = try await Self.scan([Self.acmeSnapshot], policies: [Self.acmePolicies])
        #expect(outcome.exit == .violations, "\(events.messages)")
        let report = try #require(outcome.report)
        let failing = report.findings.filter { $0.status == .fail }.map { "\($0.policy.id) \($0.resource.name)" }
        #expect(failing.sorted() == ["acme-sensor-default-password press-line-1", "acme-tenant-sso kestrel-works"])
        #expect(report.scan.providers.map(\.id) == [.acme])
        #expect(report.scan.resources["sensor"] == 2)
        #expect(report.summary.providers.first?.domains.first?.owner == "customer")
        let json = try #require(events.output.first)
        #expect(json.contains("\"provider\" : \"acme\""))
        #expect(ExitDecision.decide(report, failOn: .critical) == .clean)
    }

    @Test("an input without its data set is not assessed for its policies, never passed")
    func notAssessed() async throws {
        let folder = try ScratchFolder("posture-acme")
        try folder.write("export.json", #"{"acme": {"tenant": "t", "sso": true}}"#)
        let (outcome, _) = try await Self.scan([folder.path()], policies: [Self.acmePolicies])
        let report = try #require(outcome.report)
        #expect(report.findings.map(\.status) == [.notAssessed])
        #expect(report.findings.first?.message == "not assessed: no sensors data")
        #expect(outcome.exit == .clean)
    }

    @Test("two providers in one scan give one report listing both, per-provider summaries and one exit code")
    func scanWithAWS() async throws {
        let policies = [TestPaths.policies().path, Self.acmePolicies]
        let (outcome, events) = try await Self.scan([Self.demo, Self.acmeSnapshot], policies: policies, formats: [.text])
        let report = try #require(outcome.report)
        #expect(report.scan.providers.map(\.id) == [.aws, .acme])
        #expect(report.scan.accounts == ["123456789012", "kestrel-works"])
        #expect(report.summary.providers.map(\.provider) == [.aws, .acme])
        #expect(Set(report.findings.map(\.resource.provider)) == [.aws, .acme])
        // The AWS findings are those of an AWS-only scan of the demo.
        let awsOnly = try await Self.scan([Self.demo], policies: [TestPaths.policies().path]).outcome.report
        #expect(report.findings.filter { $0.resource.provider == .aws }.map(\.fingerprint) == awsOnly?.findings.map(\.fingerprint))
        let text = try #require(events.output.first)
        #expect(text.contains("(aws: accounts 123456789012; acme: accounts kestrel-works)"))
        #expect(text.contains("Shared responsibility, aws (owner under IaaS)") && text.contains("Shared responsibility, acme (owner under IaaS)"))
        #expect(outcome.exit == .violations)
    }

    @Test("a folder holding both providers' files is read by both; files neither reads are listed as ignored")
    func mixedFolder() async throws {
        let folder = try ScratchFolder("posture-mixed")
        try folder.write("acme.json", try String(contentsOfFile: Self.acmeSnapshot + "/acme-export.json", encoding: .utf8))
        try folder.write("iam/get-account-password-policy.json", #"{"PasswordPolicy": {"MinimumPasswordLength": 8}}"#)
        try folder.write("notes.txt", "nothing to see")
        let read = try Self.registry().read(folder.path())
        #expect(read.providers == [.aws, .acme])
        #expect(read.inventory.ignoredFiles == ["\(folder.path("notes.txt")): not a recognised AWS or Acme export"])
    }

    @Test("an input no provider can read is an input error naming every provider")
    func unreadable() async throws {
        let folder = try ScratchFolder("posture-none")
        try folder.write("notes.txt", "nothing to see")
        let (outcome, events) = try await Self.scan([folder.path()], policies: [Self.acmePolicies])
        #expect(outcome.exit == .inputError && outcome.report == nil)
        #expect(events.messages.first?.hasPrefix("error: \(folder.path()): no AWS or Acme configuration found") == true)
    }

    @Test("the same account in two inputs is refused rather than counted twice")
    func duplicateAccount() async throws {
        let (outcome, events) = try await Self.scan([Self.acmeSnapshot, Self.acmeSnapshot], policies: [Self.acmePolicies])
        #expect(outcome.exit == .inputError)
        #expect(events.messages.first?.contains("both hold acme account kestrel-works") == true)
    }
}

/// Scan events kept for assertions.
final class CollectedEvents: ScanEvents, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    private var outputs: [String] = []

    var messages: [String] { lock.withLock { lines } }
    var output: [String] { lock.withLock { outputs } }

    func collectionStarted(label _: String, progress _: CollectionProgress) async {}
    func collectionFinished(label _: String) async {}
    func message(_ line: String) { lock.withLock { lines.append(line) } }
    func info(_ line: String) { lock.withLock { lines.append(line) } }
    func output(_ text: String) { lock.withLock { outputs.append(text) } }
}
