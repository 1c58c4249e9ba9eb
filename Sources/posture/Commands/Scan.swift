import ArgumentParser
import Foundation
import Model
import PolicyEngine
import ProviderAWS
import Reporting

struct Scan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan an exported AWS snapshot (a bundle folder, AWS Config snapshots, an authorization-details file, a credential report).",
        discussion: """
        Exit codes: 0 clean (no failing finding at or above --fail-on), 1 violations at or above \
        --fail-on, 2 usage, policy or input error, 3 scan incomplete (part of the input could not \
        be read; listed in the report).
        """
    )

    @Argument(help: ArgumentHelp("The snapshot: a folder or a file (.json, .json.gz, .csv).", valueName: "path"))
    var path: String

    @OptionGroup var policies: PolicySelection

    @Option(help: "Report format: text (grouped by severity, with summaries) or json (the versioned report schema).")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Exit 1 when a failing finding is at or above this severity: critical, high, medium, low, info, or none.")
    var failOn: FailThreshold = .high

    @Option(help: ArgumentHelp("Only evaluate policies of these severities (comma-separated or repeated).", valueName: "severity"))
    var severity: [String] = []

    @Option(help: ArgumentHelp("Only evaluate policies whose id matches (repeatable; * and ? wildcards).", valueName: "id"))
    var policy: [String] = []

    @Flag(help: "Also list passing checks in the report.")
    var includePass = false

    @Option(help: ArgumentHelp(
        "Evaluate as of this time (RFC 3339). Default: the snapshot's collection time from its manifest, else the current time.",
        valueName: "time"))
    var now: String?

    func validate() throws {
        _ = try severities()
        if let now, ExampleTimestamp.parse(now) == nil { throw ValidationError("--now must be an RFC 3339 time such as 2025-01-01T00:00:00Z") }
    }

    func run() async throws {
        let catalog: PolicyCatalog
        switch policies.load() {
        case let .failure(status): throw status.exitCode
        case let .success(loaded): catalog = loaded
        }
        let builder = ReportBuilder(includePass: includePass, severities: try severities(), policyPatterns: policy.isEmpty ? nil : policy)
        let report: ScanReport
        switch OfflineScan.run(path: path, catalog: catalog, builder: builder, time: now.flatMap(ExampleTimestamp.parse)) {
        case let .success(built): report = built
        case let .failure(message):
            Console.error("error: \(message)")
            throw ExitStatus.usageOrInputError.exitCode
        }
        let text = format == .json ? try JSONReport.render(report) : TextReport.render(report)
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                Console.error("error: \(output): cannot write the report: \(error.localizedDescription)")
                throw ExitStatus.usageOrInputError.exitCode
            }
        } else {
            Console.out(text)
        }
        let outcome = ExitDecision.decide(report, failOn: failOn.severity)
        if outcome != .clean { throw ExitCode(outcome.rawValue) }
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
            return .failure(Failure(path == "aws" ? "live scanning (posture scan aws --live) is not available yet; scan an exported snapshot folder or file"
                                                  : "\(path): no such file or folder"))
        }
        var clock = PhaseClock()
        let snapshot = BundleReader().read(path)
        clock.lap("read")
        if snapshot.documents.isEmpty {
            let reasons = (snapshot.problems.map(\.description) + snapshot.ignored).prefix(10)
            return .failure(Failure("\(path): no AWS configuration found" + (reasons.isEmpty ? "" : ":\n  " + reasons.joined(separator: "\n  "))))
        }
        let inventory = AWSNormalizer.normalize(snapshot)
        clock.lap("normalize")
        let time = time ?? snapshot.collected ?? Date()
        let selected = catalog.policies.filter { $0.provider == .aws && builder.selects($0) }
        let findings = PolicyEvaluator(policies: selected, now: time).evaluate(inventory)
        clock.lap("evaluate")
        let report = builder.build(source: path, provider: .aws, time: time, inventory: inventory, policies: selected,
                                   findings: findings, responsibility: catalog.responsibility)
        clock.lap("report")
        return .success(report)
    }
}

/// Phase timings on standard error when `POSTURE_TIMINGS` is set (for benchmarks and bug reports).
struct PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["POSTURE_TIMINGS"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        Console.error(String(format: "timing: %@ %.3f s", phase, Double(now - last) / 1e9))
        last = now
    }
}
