import ArgumentParser
import Foundation
import PolicyEngine
import Reporting

extension ReportFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}

/// Where `posture scan` writes its reports: one or several formats, each to a file or to
/// standard output (see README: CI gate).
struct ScanOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Report format: text (default), json, sarif, junit, ocsf, csv, markdown or html. Repeatable: the n-th --format goes to the n-th --output, a format without one to standard output.",
        valueName: "format"))
    var format: [ReportFormat] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report of the matching --format to this file (repeatable).", valueName: "file"))
    var output: [String] = []

    @Option(name: .customLong("report"), help: ArgumentHelp(
        "Also write FORMAT to PATH (repeatable; PATH '-' is standard output), e.g. --report sarif=posture.sarif --report junit=posture.xml. Without --format, the text report still goes to standard output.",
        valueName: "format=path"))
    var reports: [String] = []

    /// Every report to write, checked: known formats, one report at most on standard output, no shared files.
    func targets() throws -> [OutputTarget] {
        do {
            let extra = try reports.map { text throws(OutputTarget.ParseError) in try OutputTarget.parse(text) }
            return try OutputTarget.plan(formats: format, outputs: output, reports: extra)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// What fails the build: the threshold, incompleteness, waivers and the baseline.
struct GateOptions: ParsableArguments {
    @Option(help: "Exit 1 when a failing finding (not waived, not in the baseline) is at or above this severity: critical, high, medium, low, info, or none.")
    var failOn: FailThreshold = .high

    @Flag(help: "Whether a scan that could not read part of its input exits 3 (--fail-on-incomplete, the default) or 0 when nothing else fails (--allow-incomplete).")
    var incomplete: IncompleteMode = .failOnIncomplete

    @Flag(help: "Always exit 0 after writing the reports, whatever the findings or completeness (usage and input errors still exit 2).")
    var softFail = false

    @Option(help: ArgumentHelp("Waiver file (YAML): accepted findings with a reason and an expiry date; they stay in the reports, marked, but do not fail the build.", valueName: "file"))
    var waivers: String?

    @Option(help: ArgumentHelp("A previous JSON report: fail only on failing findings whose fingerprint it does not have.", valueName: "file"))
    var baseline: String?

    var gate: ExitDecision.Gate {
        ExitDecision.Gate(failOn: failOn.severity, failOnIncomplete: incomplete == .failOnIncomplete, softFail: softFail)
    }
}

/// `--fail-on-incomplete` / `--allow-incomplete`.
enum IncompleteMode: String, EnumerableFlag {
    case failOnIncomplete, allowIncomplete
}
