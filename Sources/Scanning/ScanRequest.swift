import Findings
import Foundation
import Model
import PolicyEngine
import ProviderKit
import Reporting
import Triage

/// Everything one scan needs, decided before it starts: what to read or collect, which
/// policies, the clock, triage, where reports go and what fails the gate.
public struct ScanRequest: Sendable {
    /// One input of a scan: an export to read, or an account to collect now.
    public enum Input: Sendable {
        /// A snapshot bundle folder, a folder of exports, or one export file.
        case snapshot(String)
        /// A live collection by a provider's collector, with the label its progress shows.
        case live(any LiveCollector, label: String)
    }

    public var inputs: [Input]
    /// The loaded policies (checked against the registry's model).
    public var catalog: PolicyCatalog
    /// `--severity` and `--policy` filters, and whether passes are listed.
    public var builder: ReportBuilder
    /// The evaluation time (`--now`); nil: the first input's collection time, else the clock.
    public var now: Date?
    public var waivers: WaiverSet?
    public var baseline: Baseline?
    /// The reports to write and the passes each lists (`--include-pass`, or JUnit).
    public var outputs: [OutputTarget]
    public var includePass: Bool
    public var gate: ExitDecision.Gate
    /// posture's version, for the reports that name their tool.
    public var toolVersion: String

    public init(inputs: [Input], catalog: PolicyCatalog, builder: ReportBuilder = ReportBuilder(), now: Date? = nil,
                waivers: WaiverSet? = nil, baseline: Baseline? = nil, outputs: [OutputTarget] = [], includePass: Bool = false,
                gate: ExitDecision.Gate = ExitDecision.Gate(failOn: .high), toolVersion: String = "0.1.0") {
        self.inputs = inputs
        self.catalog = catalog
        self.builder = builder
        self.now = now
        self.waivers = waivers
        self.baseline = baseline
        self.outputs = outputs
        self.includePass = includePass
        self.gate = gate
        self.toolVersion = toolVersion
    }
}

/// What a scan tells its caller while it runs: standard error lines and the progress of a live
/// collection. The executable prints them; tests collect them.
public protocol ScanEvents: Sendable {
    /// A live collection starts; `progress` counts its calls.
    func collectionStarted(label: String, progress: CollectionProgress) async
    /// It ended (successfully or not).
    func collectionFinished(label: String) async
    /// A line for standard error: a warning or an error.
    func message(_ line: String)
    /// A line for standard error that only informs (a live collection's summary): `--quiet` drops it.
    func info(_ line: String)
    /// Standard output (a report written there).
    func output(_ text: String)
}

/// The result of a scan: its report (when it got that far) and the exit code the gate decides.
public struct ScanOutcome: Sendable {
    public var report: ScanReport?
    public var exit: ExitDecision.Outcome
}
