import Foundation
import PolicyEngine
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
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(DiagnosticList([Diagnostic(code: "unreadable", message: "cannot read waiver file", location: start)]))
        }
        guard data.count <= WaiverFileParser.maxBytes else {
            return .failure(DiagnosticList([Diagnostic(code: "too-large", message: "waiver file is \(data.count) bytes; the limit is \(WaiverFileParser.maxBytes)", location: start)]))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return .failure(DiagnosticList([Diagnostic(code: "encoding", message: "waiver file is not valid UTF-8", location: start)]))
        }
        return parse(text, file: path)
    }

    /// Parses waiver YAML; `file` names it in diagnostics.
    public static func parse(_ text: String, file: String) -> Result<WaiverSet, DiagnosticList> {
        var parser = WaiverFileParser(file: file, text: text)
        let waivers = parser.parse(text)
        if !parser.diagnostics.isEmpty { return .failure(DiagnosticList(parser.diagnostics)) }
        return .success(WaiverSet(file: file, waivers: waivers))
    }

    /// Marks the findings the waivers suppress and records every waiver's state in `report.waivers`.
    /// `now` is the clock for expiry (the scan's `--now`, else the time of the run).
    public func apply(to report: inout ScanReport, now: Date) {
        var matched = Array(repeating: 0, count: waivers.count)
        var suppressed = 0
        for index in report.findings.indices where report.findings[index].isFailing {
            let finding = report.findings[index]
            let covering = waivers.indices.filter { waivers[$0].covers(finding) }
            for position in covering { matched[position] += 1 }
            if let active = covering.first(where: { waivers[$0].isActive(at: now) }) {
                report.findings[index].waiver = waivers[active].applied
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
        report.waivers = WaiverSummary(file: file, checkedAt: now, suppressed: suppressed, waivers: statuses)
    }
}
