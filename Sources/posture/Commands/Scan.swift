import ArgumentParser
import Findings
import Foundation
import Model
import PolicyEngine
import ProviderAWS
import Reporting
import SourceText

struct Scan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan an AWS account live (posture scan aws --live), or an exported snapshot (a bundle folder, AWS Config snapshots, an authorization-details file, a credential report).",
        discussion: """
        Exit codes: 0 clean (no failing finding at or above --fail-on, or all of them waived or in \
        the baseline), 1 violations at or above --fail-on, 2 usage, policy, waiver or input error, \
        3 scan incomplete (part of the input could not be read; listed in the report; \
        --allow-incomplete lets it pass). --soft-fail always exits 0 after writing the reports.
        """
    )

    @Argument(help: ArgumentHelp("The snapshot: a folder or a file (.json, .json.gz, .csv); or 'aws' with --live.", valueName: "path|aws"))
    var path: String

    @Flag(help: "Collect the account's configuration through the AWS API now (read-only calls) instead of reading a snapshot: posture scan aws --live.")
    var live = false

    @OptionGroup(title: "Live AWS (with --live)") var connection: LiveOptions

    @OptionGroup var policies: PolicySelection

    @OptionGroup(title: "Reports") var outputs: ScanOutputOptions

    @OptionGroup(title: "CI gate") var gate: GateOptions

    @Option(help: ArgumentHelp("Only evaluate policies of these severities (comma-separated or repeated).", valueName: "severity"))
    var severity: [String] = []

    @Option(help: ArgumentHelp("Only evaluate policies whose id matches (repeatable; * and ? wildcards).", valueName: "id"))
    var policy: [String] = []

    @Flag(help: "Also list passing checks in the report.")
    var includePass = false

    @Option(help: ArgumentHelp(
        "Evaluate as of this time (RFC 3339). Default: the snapshot's collection time from its manifest, else the current time. Also the clock for waiver expiry (default: the current time).",
        valueName: "time"))
    var now: String?

    func validate() throws {
        if live {
            guard path == "aws" else { throw ValidationError("--live scans a cloud account: posture scan aws --live (got '\(path)')") }
            try connection.check()
        } else if connection.isUsed {
            throw ValidationError("--profile, --region, --regions, --endpoint-url and the other live options need --live (posture scan aws --live)")
        }
        _ = try severities()
        _ = try outputs.targets()
        if let now, RFC3339.parse(now) == nil { throw ValidationError("--now must be an RFC 3339 time such as 2025-01-01T00:00:00Z, or a date such as 2025-01-01 (midnight UTC)") }
    }

    func run() async throws {
        let catalog: PolicyCatalog
        switch policies.load() {
        case let .failure(status): throw status.exitCode
        case let .success(loaded): catalog = loaded
        }
        let targets = try outputs.targets()
        let triage = try ScanTriage.load(waivers: gate.waivers, baseline: gate.baseline)
        // Passes are built only when a report lists them (--include-pass, or JUnit, whose test
        // counts need them): on large accounts they are most findings, and memory.
        let listsPasses = includePass || targets.contains { $0.format.alwaysListsPasses }
        let builder = ReportBuilder(includePass: listsPasses, severities: try severities(), policyPatterns: policy.isEmpty ? nil : policy)
        let scanTime = now.flatMap { RFC3339.parse($0) }
        var report: ScanReport
        let scanned = live ? await LiveScan.run(connection, catalog: catalog, builder: builder, time: scanTime)
            : OfflineScan.run(path: path, catalog: catalog, builder: builder, time: scanTime)
        switch scanned {
        case let .success(built): report = built
        case let .failure(message):
            Console.error("error: \(message)")
            throw ExitStatus.usageOrInputError.exitCode
        }
        // Waivers are promises made in real time: expiry is judged against --now, else the clock,
        // never against an old snapshot's collection time.
        triage.apply(to: &report, now: scanTime ?? Date())
        let selected = catalog.policies.filter { $0.provider == .aws && builder.selects($0) }
        let context = ReportContext(policies: selected, responsibility: catalog.responsibility)
        let written = write(report, to: targets, context: context)
        let verdict = ExitDecision.verdict(report, gate: gate.gate)
        if gate.softFail, verdict != .clean { Console.error("posture: --soft-fail: exiting 0 instead of \(verdict.rawValue)") }
        guard written else { throw ExitStatus.usageOrInputError.exitCode }
        let outcome = ExitDecision.decide(report, gate: gate.gate)
        if outcome != .clean { throw ExitCode(outcome.rawValue) }
    }

    /// Renders and writes every report; false when one could not be written (each failure is printed).
    private func write(_ report: ScanReport, to targets: [OutputTarget], context: ReportContext) -> Bool {
        let listed = report.droppingPasses()
        var success = true
        for target in targets {
            let view = includePass || target.format.alwaysListsPasses ? report : listed
            do {
                let text = try target.format.render(view, context: context, gate: gate.gate)
                if target.path == nil { Console.out(text) } else { try target.write(text) }
            } catch {
                Console.error("error: \(target.path ?? "standard output"): cannot write the \(target.format.rawValue) report: \(error.localizedDescription)")
                success = false
            }
        }
        return success
    }

    private func severities() throws -> Set<Severity>? {
        let names = severity.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }
        guard !names.isEmpty else { return nil }
        return Set(try names.map { name in
            guard let value = Severity(rawValue: name) else {
                throw ValidationError("unknown severity '\(name)'; use critical, high, medium, low or info")
            }
            return value
        })
    }
}

/// `--fail-on`: a severity, or `none` to never fail on findings.
enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case critical, high, medium, low, info, none

    var severity: Severity? { Severity(rawValue: rawValue) }
}

/// Wires one offline scan: read the snapshot, normalize, evaluate, build the report.
enum OfflineScan {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// `time` nil: the snapshot's collection time (manifest), else now.
    static func run(path: String, catalog: PolicyCatalog, builder: ReportBuilder, time: Date?) -> Result<ScanReport, Failure> {
        guard FileManager.default.fileExists(atPath: path) else {
            return .failure(Failure(path == "aws" ? "aws: no such file or folder (to scan the account through the API: posture scan aws --live)"
                                                  : "\(path): no such file or folder"))
        }
        var clock = PhaseClock()
        let loaded: (inventory: Inventory, collected: Date?)
        switch load(path, clock: &clock) {
        case let .success(result): loaded = result
        case let .failure(failure): return .failure(failure)
        }
        return .success(evaluate(loaded.inventory, source: path, catalog: catalog, builder: builder,
                                 time: time ?? loaded.collected ?? Date(), clock: &clock))
    }

    /// Evaluates the selected policies over a normalized inventory (offline or live) and builds the report.
    static func evaluate(_ inventory: Inventory, source: String, catalog: PolicyCatalog, builder: ReportBuilder, time: Date,
                         clock: inout PhaseClock) -> ScanReport {
        let selected = catalog.policies.filter { $0.provider == .aws && builder.selects($0) }
        let findings = PolicyEvaluator(policies: selected, now: time).evaluate(inventory)
        clock.lap("evaluate")
        let report = builder.build(source: source, provider: .aws, time: time, inventory: inventory, policies: selected,
                                   findings: findings, responsibility: catalog.responsibility)
        clock.lap("report")
        return report
    }

    /// Reads and normalizes in a scope of its own, so the raw snapshot (every file's bytes) is
    /// freed before evaluation starts and the two phases' memory does not add up.
    private static func load(_ path: String, clock: inout PhaseClock) -> Result<(inventory: Inventory, collected: Date?), Failure> {
        let snapshot = BundleReader().read(path)
        clock.lap("read")
        if snapshot.documents.isEmpty {
            let reasons = (snapshot.problems.map(\.description) + snapshot.ignored).prefix(10)
            return .failure(Failure("\(path): no AWS configuration found" + (reasons.isEmpty ? "" : ":\n  " + reasons.joined(separator: "\n  "))))
        }
        let inventory = AWSNormalizer.normalize(snapshot)
        clock.lap("normalize")
        return .success((inventory, snapshot.collected))
    }
}

/// Phase timings on standard error when `POSTURE_TIMINGS` is set (for benchmarks and bug reports).
struct PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["POSTURE_TIMINGS"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        Console.error(String(format: "timing: %@ %.3f s (peak RSS so far %@)", phase, Double(now - last) / 1e9, Self.peakResidentSet()))
        last = now
    }

    /// `VmHWM` from /proc/self/status on Linux; "?" elsewhere.
    private static func peakResidentSet() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "?" }
        return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }
}
