import Foundation
import Triage

extension WaiverSet {
    /// Applies the waivers to the report's findings and records their states in `report.waivers`.
    public func apply(to report: inout ScanReport, now: Date) {
        report.waivers = apply(to: &report.findings, now: now)
    }
}

extension Baseline {
    /// Compares the report's failing findings with the baseline and records the counts in `report.baseline`.
    public func apply(to report: inout ScanReport) {
        report.baseline = apply(to: &report.findings)
    }
}
