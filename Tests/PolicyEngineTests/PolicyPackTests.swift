import Foundation
import Model
@testable import PolicyEngine
import PostureTesting
import Testing

/// The repository's own policy pack: it loads cleanly, and each policy is a test case of its
/// own whose examples must behave — the SwiftLint way of testing rules by their triggering and
/// non-triggering examples. A failure names the policy and points at the example's line.
@Suite("The bundled policy pack")
struct PolicyPackTests {
    static let catalog = PolicyCatalog.load(paths: [TestPaths.policies().path], model: ModelFixtures.model)

    /// One policy of the pack, named by its id in the test output.
    struct PackPolicy: Sendable, CustomTestStringConvertible {
        let policy: Policy
        var testDescription: String { policy.id }
    }

    static let policies: [PackPolicy] = ((try? catalog.get())?.policies ?? []).map(PackPolicy.init)

    @Test("loads without errors")
    func loads() throws {
        let catalog = try Self.catalog.get()
        #expect(catalog.policies.count == Self.policies.count && !catalog.policies.isEmpty)
    }

    @Test("examples behave: fail examples fail (with their stated message), pass examples pass, notAssessed ones are not assessed",
          arguments: policies)
    func examplesBehave(_ entry: PackPolicy) {
        let outcomes = ExampleRunner.run(entry.policy)
        for outcome in outcomes where !outcome.passed {
            Issue.record("\(outcome.location): \(outcome.expectation.rawValue) example: \(outcome.problem ?? "")")
        }
        #expect(!entry.policy.examples.fail.isEmpty && !entry.policy.examples.pass.isEmpty, "a fail and a pass example, at least")
        if !entry.policy.requires.isEmpty {
            #expect(!entry.policy.examples.notAssessed.isEmpty, "requires \(entry.policy.requires) but shows no notAssessed example")
        }
    }

    @Test("lives at policies/<provider>/<service>/<id>.yaml", arguments: policies)
    func layout(_ entry: PackPolicy) {
        let policy = entry.policy
        let parts = policy.location.file.split(separator: "/").suffix(4).map(String.init)
        let service = policy.id.split(separator: "-").dropFirst().first.map(String.init) ?? ""
        #expect(parts == ["policies", policy.provider.rawValue, service, "\(policy.id).yaml"], "\(policy.location.file)")
    }

    @Test("framework ids carry a version or are the FSBP control set", arguments: policies)
    func frameworkIDsAreVersioned(_ entry: PackPolicy) {
        for framework in entry.policy.frameworks.keys {
            #expect(framework == "aws-fsbp" || framework.range(of: #"-\d+(\.\d+)*$"#, options: .regularExpression) != nil,
                    "framework '\(framework)' has no version")
        }
    }

    @Test("the responsibility map assigns every domain in every model and cites each provider")
    func responsibilityMap() throws {
        let map = try Self.catalog.get().responsibility
        #expect(!map.providers.isEmpty)
        for (provider, model) in map.providers {
            #expect(model.reference.hasPrefix("https://"))
            for serviceModel in ResponsibilityMap.serviceModels {
                #expect(model.models[serviceModel]?.count == map.domains.count, "\(provider) \(serviceModel)")
            }
        }
        #expect(map.owner(of: "physical-security", provider: .aws) == .provider)
        #expect(map.owner(of: "identity-and-access", provider: .aws) == .customer)
    }
}
