import ArgumentParser
import Foundation
import ProviderKit
import Reporting
import Scanning
import SourceText

/// Writing to standard output and standard error.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Prints every diagnostic to standard error and returns the usage/input exit code.
    static func report(_ diagnostics: DiagnosticList) -> ExitDecision.Outcome {
        error(diagnostics.description)
        let count = diagnostics.sorted.count
        error("\(count) \(count == 1 ? "error" : "errors")")
        return .inputError
    }
}

/// A scan's events on the terminal: lines on standard error, reports on standard output, and
/// the progress line of a live collection (on a terminal only; never with --quiet or --verbose).
final class ConsoleEvents: ScanEvents, @unchecked Sendable {
    private let quiet: Bool
    private let progressWanted: Bool
    private var line: ProgressLine?

    init(quiet: Bool = false, verbose: Bool = false) {
        self.quiet = quiet
        progressWanted = ProgressLine.wanted(quiet: quiet || verbose)
    }

    func collectionStarted(label: String, progress: CollectionProgress) async {
        guard progressWanted else { return }
        line = ProgressLine(progress: progress)
        line?.start(label: label)
    }

    func collectionFinished(label _: String) async {
        await line?.finish()
        line = nil
    }

    func message(_ text: String) { Console.error(text) }

    func info(_ text: String) {
        if !quiet { Console.error(text) }
    }

    func output(_ text: String) { Console.out(text) }
}

extension ExitDecision.Outcome {
    /// The command's exit, for swift-argument-parser.
    var exitCode: ExitCode { ExitCode(rawValue) }
}
