import ArgumentParser
import Reporting
import PolicyEngine

extension Policies {
    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every policy's examples: each 'fail' example must fail, each 'pass' example must pass.",
            discussion: "Ends with the line 'N passed, N failed'. Exits 1 if any example misbehaves, 2 on a load error."
        )

        @OptionGroup var policies: PolicyPaths

        @Flag(name: .shortAndLong, help: "Also list the examples that behaved.")
        var verbose = false

        func run() async throws {
            let catalog = try policies.load()
            let outcomes = ExampleRunner.run(catalog.policies)
            for outcome in outcomes where verbose || !outcome.passed {
                let verdict = outcome.passed ? "ok" : "FAILED"
                let detail = outcome.problem.map { ": \($0)" } ?? ""
                Console.out("\(outcome.location): \(verdict) \(outcome.policyID) \(outcome.expectation.rawValue) example\(detail)\n")
            }
            let untested = catalog.policies.filter { $0.examples.fail.isEmpty || $0.examples.pass.isEmpty }
            // A policy that needs data must show, by an example, that it is not assessed without it.
            let requiresUntested = catalog.policies.filter { !$0.requires.isEmpty && $0.examples.notAssessed.isEmpty }
            for policy in requiresUntested {
                Console.out("\(policy.location): warning: \(policy.id) requires \(policy.requires.joined(separator: ", ")) but has no notAssessed example\n")
            }
            for policy in untested {
                Console.out("\(policy.location): warning: \(policy.id) lacks a \(policy.examples.fail.isEmpty ? "fail" : "pass") example\n")
            }
            let failed = outcomes.filter { !$0.passed }.count
            Console.out("\(outcomes.count - failed) passed, \(failed) failed\n")
            if failed > 0 { throw ExitDecision.Outcome.violations.exitCode }
        }
    }
}
