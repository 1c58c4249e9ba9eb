import CEL
import Foundation
import SourceText

/// Runs each policy's own examples: every `fail` example must violate it, every `pass` must not.
/// This is `posture policies test`, and `swift test` runs it over the whole pack.
public enum ExampleRunner {
    public struct Outcome: Sendable {
        public let policyID: String
        public let location: SourceLocation
        public let expectation: Expectation
        /// nil when the example behaved as expected; otherwise what happened.
        public let problem: String?

        public var passed: Bool { problem == nil }
    }

    public enum Expectation: String, Sendable { case fail, pass }

    public static func run(_ policies: [Policy]) -> [Outcome] {
        policies.flatMap { policy in
            let now = CELValue.timestamp(CELTimestamp(date: policy.examples.now))
            let fails = policy.examples.fail.map { run(policy, $0, expect: .fail, now: now) }
            let passes = policy.examples.pass.map { run(policy, $0, expect: .pass, now: now) }
            return fails + passes
        }
    }

    private static func run(_ policy: Policy, _ example: PolicyExample, expect: Expectation, now: CELValue) -> Outcome {
        let activation = Activation([policy.resource.rawValue: example.value, PolicyEnvironment.nowVariable: now])
        let problem: String?
        switch (policy.violation.program.evaluate(activation), expect) {
        case (.success(.bool(true)), .fail), (.success(.bool(false)), .pass):
            problem = expect == .fail ? messageProblem(policy, activation) : nil
        case (.success(.bool(true)), .pass):
            problem = "expected to pass, but the violation is true"
        case (.success(.bool(false)), .fail):
            problem = "expected to fail, but the violation is false"
        case let (.success(value), _):
            problem = "violation evaluated to \(CELValueFormatter.json(value)), not a bool"
        case let (.failure(error), _):
            problem = "evaluation error: \(error.message)"
        }
        return Outcome(policyID: policy.id, location: example.location, expectation: expect, problem: problem)
    }

    /// A failing example must also render its message.
    private static func messageProblem(_ policy: Policy, _ activation: Activation) -> String? {
        if case let .failure(error) = policy.message.render(activation) { return "message could not be rendered: \(error.message)" }
        return nil
    }
}
