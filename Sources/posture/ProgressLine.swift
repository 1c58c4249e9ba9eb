import Foundation
import ProviderKit

/// The live scan's progress on standard error: calls done of those planned so far, retries,
/// errors, elapsed time, redrawn in place a few times a second. Only on a terminal, and never
/// with --quiet: CI logs and cron mails stay clean.
final class ProgressLine: @unchecked Sendable {
    private let progress: CollectionProgress
    private let start = Date()
    private var task: Task<Void, Never>?

    init(progress: CollectionProgress) {
        self.progress = progress
    }

    /// Whether a progress line belongs on standard error at all.
    static func wanted(quiet: Bool) -> Bool {
        !quiet && isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    func start(label: String) {
        task = Task { [progress, start] in
            while !Task.isCancelled {
                let counts = progress.snapshot()
                let line = String(format: "\r\u{1B}[K%@: %d/%d calls, %d retries, %d errors, %.1f s", label,
                                  counts.finished, counts.started, counts.retries, counts.failed, Date().timeIntervalSince(start))
                FileHandle.standardError.write(Data(line.utf8))
                try? await Task.sleep(nanoseconds: 200_000_000)
            }
        }
    }

    /// Stops redrawing and clears the line.
    func finish() async {
        task?.cancel()
        await task?.value
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
