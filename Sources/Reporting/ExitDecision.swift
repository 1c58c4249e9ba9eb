import Findings
import Model
import PolicyEngine
import Triage

/// The scan's exit code, decided in one place (README: Exit codes).
public enum ExitDecision {
    public enum Outcome: Int32, Sendable {
        case clean = 0
        case violations = 1
        case inputError = 2
        case incomplete = 3
    }

    /// What the CI gate fails on.
    public struct Gate: Sendable {
        /// Failing findings at or above this severity fail the build; nil never fails on findings.
        public var failOn: Severity?
        /// Whether an incomplete scan exits 3 (`--fail-on-incomplete`, the default) or is let through (`--allow-incomplete`).
        public var failOnIncomplete: Bool
        /// `--soft-fail`: exit 0 whatever the findings and completeness (reports are still written).
        public var softFail: Bool

        public init(failOn: Severity?, failOnIncomplete: Bool = true, softFail: Bool = false) {
            self.failOn = failOn
            self.failOnIncomplete = failOnIncomplete
            self.softFail = softFail
        }
    }

    /// 1 when a failing or erroring finding is at or above `failOn` (nil: never); otherwise 3
    /// when the scan is incomplete; otherwise 0. Violations come first: they are certain,
    /// while the incomplete part might hold more.
    public static func decide(_ report: ScanReport, failOn: Severity?) -> Outcome {
        decide(report, gate: Gate(failOn: failOn))
    }

    /// The gate's outcome before `--soft-fail`: 1 when a finding fails the gate (see `gating`);
    /// otherwise 3 when the scan is incomplete and that is not allowed; otherwise 0.
    public static func verdict(_ report: ScanReport, gate: Gate) -> Outcome {
        if !gating(report, failOn: gate.failOn).isEmpty { return .violations }
        return report.scan.incomplete.isEmpty || !gate.failOnIncomplete ? .clean : .incomplete
    }

    /// The exit code: the verdict, or 0 under `--soft-fail`.
    public static func decide(_ report: ScanReport, gate: Gate) -> Outcome {
        gate.softFail ? .clean : verdict(report, gate: gate)
    }

    /// Findings that fail the build: failing or erroring, at or above `failOn`, not waived, and
    /// not already in the baseline.
    public static func gating(_ report: ScanReport, failOn: Severity?) -> [ReportedFinding] {
        guard let failOn else { return [] }
        return report.findings.filter { finding in
            finding.isFailing && finding.policy.severity >= failOn && !finding.isSuppressed && finding.baseline != .unchanged
        }
    }
}
