import Foundation
import Triage

extension TextReport {
    /// With `--waivers` or `--baseline`: what they did. Without them, nothing (the text report
    /// stays as it was).
    static func triage(_ report: ScanReport) -> [String] {
        var lines: [String] = []
        if let waivers = report.waivers {
            lines += ["", "Waivers (\(waivers.file)): \(waivers.suppressed) finding\(waivers.suppressed == 1 ? "" : "s") waived"]
            for waiver in waivers.expired {
                lines.append("  EXPIRED  \(waiver.source)  \(waiver.policy) on \(waiver.resource): expired \(waiver.expires)"
                    + (waiver.matched > 0 ? "; \(waiver.matched) finding\(waiver.matched == 1 ? "" : "s") fail again" : ""))
            }
            for waiver in waivers.stale {
                lines.append("  STALE    \(waiver.source)  \(waiver.policy) on \(waiver.resource): matched no failing finding")
            }
        }
        if let baseline = report.baseline {
            lines += ["", "Baseline (\(baseline.file)): \(baseline.new) new, \(baseline.unchanged) unchanged, \(baseline.resolved) resolved"]
        }
        return lines
    }
}
