import Foundation
import Reporting

/// Renders and writes every report of a scan.
enum ReportWriter {
    /// False when one could not be written (each failure is reported).
    static func write(_ report: ScanReport, to targets: [OutputTarget], context: ReportContext, gate: ExitDecision.Gate,
                      includePass: Bool, events: any ScanEvents) -> Bool {
        let listed = report.droppingPasses()
        var success = true
        for target in targets {
            let view = includePass || target.format.alwaysListsPasses ? report : listed
            do {
                let text = try target.format.render(view, context: context, gate: gate)
                if target.path == nil { events.output(text) } else { try target.write(text) }
            } catch {
                events.message("error: \(target.path ?? "standard output"): cannot write the \(target.format.rawValue) report: \(error.localizedDescription)")
                success = false
            }
        }
        return success
    }
}
