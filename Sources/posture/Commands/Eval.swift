import ArgumentParser
import Foundation
import PolicyEngine
import Reporting

struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate one CEL expression and print the result as JSON (the policy author's tool).",
        discussion: """
        The top-level keys of the JSON object given with --input are bound as variables; `now` is \
        the current time unless the input binds it. Domain functions such as iam.actionMatches are \
        available. Exit 0 with the result, 2 on a parse or check error (with line and column) or bad \
        input, 1 when the expression fails to evaluate on this input.
        """
    )

    @Argument(help: "The CEL expression, e.g. \"bucket.encryption.enabled\".")
    var expression: String

    @Option(name: .shortAndLong, help: ArgumentHelp("A JSON object whose keys become variables; - reads standard input.", valueName: "file"))
    var input: String?

    func run() async throws {
        let bindings: [String: CELInput]
        switch ExpressionEvaluation.readBindings(from: input) {
        case let .success(read): bindings = read
        case let .failure(message):
            Console.error("error: \(message)")
            throw ExitDecision.Outcome.inputError.exitCode
        }
        switch ExpressionEvaluation.evaluate(expression, bindings: bindings, now: Date(), model: try Posture.registry().model) {
        case let .success(json):
            Console.out(json + "\n")
        case let .failure(.invalid(diagnostics)):
            Console.error(diagnostics)
            throw ExitDecision.Outcome.inputError.exitCode
        case let .failure(.evaluation(message)):
            Console.error("error: \(message)")
            throw ExitDecision.Outcome.violations.exitCode
        }
    }
}
