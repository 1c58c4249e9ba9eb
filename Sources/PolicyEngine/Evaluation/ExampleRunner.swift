import CEL
import Findings
import Foundation
import Model
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

    public enum Expectation: String, Sendable { case fail, pass, notAssessed = "not-assessed" }

    public static func run(_ policies: [Policy]) -> [Outcome] {
        policies.flatMap(run)
    }

    /// The outcomes of one policy's examples, fail examples first.
    public static func run(_ policy: Policy) -> [Outcome] {
        let now = CELValue.timestamp(CELTimestamp(date: policy.examples.now))
        let fails = policy.examples.fail.map { run(policy, $0, expect: .fail, now: now) }
        let passes = policy.examples.pass.map { run(policy, $0, expect: .pass, now: now) }
        let unassessed = policy.examples.notAssessed.map { notAssessed(policy, $0, now: now) }
        return fails + passes + unassessed
    }

    /// A `notAssessed` example: with the data it names missing (and everything else the
    /// policy requires present), the evaluator must report it not assessed, not judge it.
    private static func notAssessed(_ policy: Policy, _ example: PolicyExample, now: CELValue) -> Outcome {
        let activation = Activation([policy.resource.rawValue: example.value, PolicyEnvironment.nowVariable: now])
        let required = Set(policy.requirements.flatMap { $0 })
        let unknown = example.missing.filter { !required.contains($0) }
        let problem: String?
        if !unknown.isEmpty {
            problem = "the policy does not require \(unknown.joined(separator: ", ")) (requires: \(policy.requires.joined(separator: ", ")))"
        } else {
            let resource = ResourceReference(id: "example", name: "example", kind: policy.resource, provider: policy.provider, account: "example",
                                             source: ResourceSource(kind: .file, location: "example"))
            let finding = PolicyEvaluator.evaluate(policy, PolicyReference(policy), on: resource, activation: activation,
                                                   available: required.subtracting(example.missing))
            problem = finding.status == .notAssessed ? nil : "expected not assessed without \(example.missing.joined(separator: ", ")), but it was \(finding.status.rawValue)"
        }
        return Outcome(policyID: policy.id, location: example.location, expectation: .notAssessed, problem: problem)
    }

    private static func run(_ policy: Policy, _ example: PolicyExample, expect: Expectation, now: CELValue) -> Outcome {
        let activation = Activation([policy.resource.rawValue: example.value, PolicyEnvironment.nowVariable: now])
        let problem: String?
        switch (policy.violation.program.evaluate(activation), expect) {
        case (.success(.bool(true)), .fail), (.success(.bool(false)), .pass):
            problem = expect == .fail ? messageProblem(policy, example, activation) : nil
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

    /// A failing example must also render its message, and the message it states, if it states one.
    private static func messageProblem(_ policy: Policy, _ example: PolicyExample, _ activation: Activation) -> String? {
        switch policy.message.render(activation) {
        case let .failure(error): return "message could not be rendered: \(error.message)"
        case let .success(text):
            guard let expected = example.message, expected != text else { return nil }
            return "expected the message '\(expected)', got '\(text)'"
        }
    }
}
