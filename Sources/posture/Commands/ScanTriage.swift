import ArgumentParser
import Foundation
import PolicyEngine
import Reporting
import Triage

/// The waivers and baseline of one scan, loaded before scanning so a broken file fails fast (exit 2).
struct ScanTriage {
    var waivers: WaiverSet?
    var baseline: Baseline?

    static func load(waivers: String?, baseline: String?) throws -> ScanTriage {
        var triage = ScanTriage()
        if let waivers {
            switch WaiverSet.load(waivers) {
            case let .success(set): triage.waivers = set
            case let .failure(diagnostics): throw Console.report(diagnostics).exitCode
            }
        }
        if let baseline {
            switch Baseline.load(baseline) {
            case let .success(loaded): triage.baseline = loaded
            case let .failure(error):
                Console.error("error: \(error.description)")
                throw ExitStatus.usageOrInputError.exitCode
            }
        }
        return triage
    }

    /// Applies the waivers (expiry judged at `now`) and the baseline, and warns on standard
    /// error about waivers that expired or matched nothing, so CI logs show them whatever the formats.
    func apply(to report: inout ScanReport, now: Date) {
        waivers?.apply(to: &report, now: now)
        baseline?.apply(to: &report)
        for waiver in report.waivers?.waivers ?? [] {
            switch waiver.state {
            case .expired:
                Console.error("\(waiver.source): warning: waiver for \(waiver.policy) on \(waiver.resource) expired on \(waiver.expires)"
                    + (waiver.matched > 0 ? "; \(waiver.matched) finding(s) no longer waived" : ""))
            case .stale:
                Console.error("\(waiver.source): warning: waiver for \(waiver.policy) on \(waiver.resource) matched no failing finding (stale)")
            case .active:
                break
            }
        }
    }
}
