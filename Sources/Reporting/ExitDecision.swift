import Model
import PolicyEngine

/// The scan's exit code, decided in one place (README: Exit codes).
public enum ExitDecision {
    public enum Outcome: Int32, Sendable {
        case clean = 0
        case violations = 1
        case inputError = 2
        case incomplete = 3
    }

    /// 1 when a failing or erroring finding is at or above `failOn` (nil: never); otherwise 3
    /// when the scan is incomplete; otherwise 0. Violations come first: they are certain,
    /// while the incomplete part might hold more.
    public static func decide(_ report: ScanReport, failOn: Severity?) -> Outcome {
        if let failOn, report.findings.contains(where: { ($0.status == .fail || $0.status == .error) && $0.policy.severity >= failOn }) {
            return .violations
        }
        return report.scan.incomplete.isEmpty ? .clean : .incomplete
    }
}
