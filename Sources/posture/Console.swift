import Foundation
import PolicyEngine
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
    static func report(_ diagnostics: DiagnosticList) -> ExitStatus {
        error(diagnostics.description)
        let count = diagnostics.sorted.count
        error("\(count) \(count == 1 ? "error" : "errors")")
        return .usageOrInputError
    }
}
