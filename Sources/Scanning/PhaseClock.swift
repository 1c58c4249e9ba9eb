import Foundation

/// Phase timings on standard error when `POSTURE_TIMINGS` is set (for benchmarks and bug reports).
struct PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["POSTURE_TIMINGS"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds
    private let events: any ScanEvents

    init(events: any ScanEvents) { self.events = events }

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        events.message(String(format: "timing: %@ %.3f s (peak RSS so far %@)", phase, Double(now - last) / 1e9, Self.peakResidentSet()))
        last = now
    }

    /// `VmHWM` from /proc/self/status on Linux; "?" elsewhere.
    private static func peakResidentSet() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "?" }
        return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }
}
