import Foundation
import Findings
import SourceText

/// The waivers of one file, and how they apply to a scan.
///
/// A finding is suppressed by the first waiver, in file order, that covers it and is still in
/// force at the scan's clock. Suppressed findings stay in every report, marked, but do not fail
/// the build. An expired waiver suppresses nothing and is reported as expired; a waiver in force
/// that covers no failing finding is reported as stale.
public struct WaiverSet: Sendable {
    public let file: String
    public let waivers: [Waiver]

    public init(file: String, waivers: [Waiver]) {
        self.file = file
        self.waivers = waivers
    }

    /// Reads and checks a waiver file. Every problem is a diagnostic with line and column.
    public static func load(_ path: String) -> Result<WaiverSet, DiagnosticList> {
        switch YAMLFile.read(path, maxBytes: WaiverFileParser.maxBytes) {
        case let .success(file): parse(file)
        case let .failure(diagnostic): .failure(DiagnosticList([diagnostic]))
        }
    }

    /// Parses waiver YAML; `file` names it in diagnostics.
    public static func parse(_ text: String, file: String) -> Result<WaiverSet, DiagnosticList> {
        parse(YAMLFile(path: file, text: text))
    }

    private static func parse(_ file: YAMLFile) -> Result<WaiverSet, DiagnosticList> {
        var parser = WaiverFileParser(file: file)
        let waivers = parser.parse()
        if !parser.diagnostics.isEmpty { return .failure(DiagnosticList(parser.diagnostics)) }
        return .success(WaiverSet(file: file.path, waivers: waivers))
    }

    /// Marks the findings the waivers suppress and returns every waiver's state.
    /// `now` is the clock for expiry (the scan's `--now`, else the time of the run).
    public func apply(to findings: inout [ReportedFinding], now: Date) -> WaiverSummary {
        var matched = Array(repeating: 0, count: waivers.count)
        var suppressed = 0
        for index in findings.indices where findings[index].isFailing {
            let finding = findings[index]
            let covering = waivers.indices.filter { waivers[$0].covers(finding) }
            for position in covering { matched[position] += 1 }
            if let active = covering.first(where: { waivers[$0].isActive(at: now) }) {
                findings[index].waiver = waivers[active].applied
                suppressed += 1
            }
        }
        let statuses = waivers.indices.map { index in
            let waiver = waivers[index]
            let state: WaiverStatus.State = !waiver.isActive(at: now) ? .expired : matched[index] == 0 ? .stale : .active
            return WaiverStatus(state: state, policy: waiver.policy, resource: waiver.resource, account: waiver.account,
                                region: waiver.region, reason: waiver.reason, owner: waiver.owner, expires: waiver.expiresText,
                                source: "\(waiver.location.file):\(waiver.location.line)", matched: matched[index])
        }
        return WaiverSummary(file: file, checkedAt: now, suppressed: suppressed, waivers: statuses)
    }
}
