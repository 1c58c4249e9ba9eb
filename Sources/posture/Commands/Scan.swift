import ArgumentParser
import Findings
import Foundation
import PolicyEngine
import Reporting
import Scanning
import SourceText
import Triage

struct Scan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan exported snapshots (bundle folders, AWS Config snapshots, authorization-details files, credential reports), or an account live (posture scan aws --live).",
        discussion: """
        Several snapshots may be scanned at once, of one provider or several (posture scan \
        bundleA bundleB): one report covers every provider and account. Exit codes: 0 clean (no \
        failing finding at or above --fail-on, or all of them waived or in the baseline), 1 \
        violations at or above --fail-on, 2 usage, policy, waiver or input error, 3 scan \
        incomplete (part of the input could not be read; listed in the report; \
        --allow-incomplete lets it pass). --soft-fail always exits 0 after writing the reports.
        """
    )

    @Argument(help: ArgumentHelp("Snapshots: folders or files (.json, .json.gz, .csv); or a provider (aws) with --live.", valueName: "path|provider"))
    var paths: [String]

    @Flag(help: "Collect the account's configuration through the provider's API now (read-only calls) instead of reading a snapshot: posture scan aws --live.")
    var live = false

    @OptionGroup var connection: LiveOptions

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
        "Evaluate as of this time (RFC 3339, or a date for midnight UTC). Default: the snapshot's collection time from its manifest, else the current time. Also the clock for waiver expiry (default: the current time).",
        valueName: "time"))
    var now: String?

    func validate() throws {
        if live {
            guard paths.count == 1, let provider = paths.first else {
                throw ValidationError("--live scans one cloud account: posture scan aws --live (got \(paths.count) arguments)")
            }
            try connection.check(provider)
        } else if connection.isUsed {
            throw ValidationError("--profile, --region, --regions, --endpoint-url and the other live options need --live (posture scan aws --live)")
        }
        _ = try severities()
        _ = try outputs.targets()
        if let now, RFC3339.parse(now) == nil {
            throw ValidationError("--now must be an RFC 3339 time such as 2025-01-01T00:00:00Z, or a date such as 2025-01-01 (midnight UTC)")
        }
    }

    func run() async throws {
        let scanner = try Scanner(registry: Posture.registry())
        let catalog = try policies.load(model: scanner.registry.model).get()
        let triage = try GateFiles.load(waivers: gate.waivers, baseline: gate.baseline)
        let targets = try outputs.targets()
        // Passes are built only when a report lists them (--include-pass, or JUnit, whose test
        // counts need them): on large accounts they are most findings, and memory.
        let listsPasses = includePass || targets.contains { $0.format.alwaysListsPasses }
        let inputs: [ScanRequest.Input] = live
            ? [.live(connection.collector(for: paths[0], version: Posture.version)!, label: "posture scan \(paths[0]) --live")]
            : paths.map { .snapshot($0) }
        let request = ScanRequest(
            inputs: inputs, catalog: catalog,
            builder: ReportBuilder(includePass: listsPasses, severities: try severities(), policyPatterns: policy.isEmpty ? nil : policy),
            now: now.flatMap { RFC3339.parse($0) }, waivers: triage.waivers, baseline: triage.baseline, outputs: targets,
            includePass: includePass, gate: gate.gate, toolVersion: Posture.version)
        let outcome = await scanner.run(request, events: ConsoleEvents(quiet: connection.quiet, verbose: connection.verbose))
        if outcome.exit != .clean { throw outcome.exit.exitCode }
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

/// The waiver file and baseline of one scan, loaded before scanning so a broken file fails fast (exit 2).
enum GateFiles {
    static func load(waivers: String?, baseline: String?) throws -> (waivers: WaiverSet?, baseline: Baseline?) {
        var loaded: (waivers: WaiverSet?, baseline: Baseline?) = (nil, nil)
        if let waivers {
            switch WaiverSet.load(waivers) {
            case let .success(set): loaded.waivers = set
            case let .failure(diagnostics): throw Console.report(diagnostics).exitCode
            }
        }
        if let baseline {
            switch Baseline.load(baseline) {
            case let .success(read): loaded.baseline = read
            case let .failure(error):
                Console.error("error: \(error.description)")
                throw ExitDecision.Outcome.inputError.exitCode
            }
        }
        return loaded
    }
}
