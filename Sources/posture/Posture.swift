import ArgumentParser
import Foundation
import ProviderKit
import Reporting

/// The `posture` command line. Commands parse arguments, call one library function, and map
/// the outcome to an exit code; formatting and logic live in the libraries.
@main
struct Posture: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "posture",
        abstract: "Cloud configuration posture scanner: finds misconfigured identities, storage and audit logging.",
        discussion: """
        Exit codes: 0 clean, 1 violations at or above --fail-on (or an expression that failed to \
        evaluate), 2 usage, policy or input error, 3 scan incomplete.
        """,
        version: Posture.version,
        subcommands: [Scan.self, Snapshot.self, Policies.self, Eval.self]
    )

    static let version = "0.2.0"

    /// The providers of this build, as a registry.
    static func registry() throws -> ProviderRegistry {
        do {
            return try Providers.registry()
        } catch {
            Console.error("error: \(error.description)")
            throw ExitDecision.Outcome.inputError.exitCode
        }
    }

    /// Runs the command and exits with posture's documented codes; argument errors exit 2
    /// (swift-argument-parser's own default for them on Linux is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Self.exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitDecision.Outcome.inputError.rawValue)
        }
    }
}
