import Foundation
import Model
@testable import PolicyEngine
import PostureTesting
import Testing

/// The parts of the policy format beyond a condition and a message: named values
/// (`variables:`), fail examples that state their message, and not-assessed examples.
@Suite("Policy format: variables and example kinds")
struct PolicyFormatTests {
    static let withVariables = """
    id: test-admin
    title: Identity allows every action
    severity: high
    resource: identity
    provider: aws
    responsibility: identity-and-access
    requires: [iam]
    variables:
      admin: "identity.grants.filter(g, g.actions.exists(a, a == '*') && g.scope.exists(s, s == '*'))"
      via: "variables.admin.map(g, g.via)"
    violation: "size(variables.admin) > 0"
    message: "{{ identity.name }} allows everything through {{ variables.via.join(', ') }}"
    examples:
      fail:
        - resource:
            name: alice
            grants: [{principal: alice, actions: ["*"], scope: ["*"], via: Admin}]
          message: "alice allows everything through Admin"
      pass:
        - grants: [{principal: alice, actions: ["s3:GetObject"], scope: ["*"], via: Reader}]
      notAssessed:
        - {resource: {}, missing: [iam]}
    """

    private func load(_ text: String) throws -> PolicyTree {
        let tree = try PolicyTree()
        try tree.write("p.yaml", text)
        return tree
    }

    @Test("named values are used as variables.NAME, may use the ones above them, and every example behaves")
    func variablesAndExamples() throws {
        let policy = try #require(try load(Self.withVariables).load().get().policies.first)
        #expect(policy.variables.map(\.name) == ["admin", "via"])
        #expect(policy.examples.notAssessed.count == 1)
        let outcomes = ExampleRunner.run(policy)
        #expect(outcomes.count == 3 && outcomes.allSatisfy(\.passed), "\(outcomes.compactMap(\.problem))")
    }

    @Test("a fail example whose stated message differs is reported with both texts")
    func wrongMessage() throws {
        let text = Self.withVariables.replacingOccurrences(of: "message: \"alice allows everything through Admin\"",
                                                           with: "message: \"alice allows everything\"")
        let policy = try #require(try load(text).load().get().policies.first)
        let failed = ExampleRunner.run(policy).filter { !$0.passed }
        #expect(failed.count == 1)
        #expect(failed.first?.problem == "expected the message 'alice allows everything', got 'alice allows everything through Admin'")
        #expect(failed.first?.location.line == 15)
    }

    @Test("a notAssessed example naming data the policy does not require, or data it has, fails")
    func wrongNotAssessed() throws {
        let unknown = Self.withVariables.replacingOccurrences(of: "missing: [iam]", with: "missing: [kms]")
        let policy = try #require(try load(unknown).load().get().policies.first)
        #expect(ExampleRunner.run(policy).first { !$0.passed }?.problem?.contains("does not require kms") == true)
        let noRequires = Self.withVariables.replacingOccurrences(of: "requires: [iam]\n", with: "")
        let assessed = try #require(try load(noRequires).load().get().policies.first)
        #expect(ExampleRunner.run(assessed).first { !$0.passed }?.problem?.contains("does not require iam") == true)
    }

    /// A change to the valid policy and the diagnostic expected (`file:line:col code`).
    struct Mistake: Sendable, CustomTestStringConvertible {
        let name: String
        let from: String
        let to: String
        let expected: String
        /// The mistake is the only problem reported (no cascade through the variables that use it).
        var only = false
        var testDescription: String { name }
    }

    static let mistakes: [Mistake] = [
        Mistake(name: "an undefined named value, with a suggestion", from: "size(variables.admin)", to: "size(variables.admn)",
                expected: "p.yaml:11:27 undefined-variable"),
        Mistake(name: "a typo inside a named value is reported there", from: "g.actions.exists", to: "g.actoins.exists",
                expected: "p.yaml:9:38 undefined-field", only: true),
        Mistake(name: "a named value used before it is defined", from: "variables.admin.map(g, g.via)", to: "variables.later.map(g, g.via)",
                expected: "p.yaml:10:18 undefined-variable", only: true),
        Mistake(name: "a macro rebinding the resource around a named value",
                from: "violation: \"size(variables.admin) > 0\"", to: "violation: \"[1].exists(identity, size(variables.admin) > 0)\"",
                expected: "p.yaml:11:48 variables"),
        Mistake(name: "an unknown key in a wrapped example", from: "message: \"alice allows everything through Admin\"",
                to: "mesage: \"alice allows everything through Admin\"", expected: "p.yaml:18:7 unknown-key"),
        Mistake(name: "a notAssessed example that names nothing missing", from: "- {resource: {}, missing: [iam]}", to: "- {resource: {}}",
                expected: "p.yaml:22:7 missing-key"),
    ]

    @Test("mistakes in named values and examples are load errors at their place", arguments: mistakes)
    func reported(_ mistake: Mistake) throws {
        #expect(Self.withVariables.contains(mistake.from))
        let tree = try load(Self.withVariables.replacingOccurrences(of: mistake.from, with: mistake.to))
        let problems = tree.problems()
        #expect(mistake.only ? problems == [mistake.expected] : problems.contains(mistake.expected), "\(tree.messages())")
    }
}
