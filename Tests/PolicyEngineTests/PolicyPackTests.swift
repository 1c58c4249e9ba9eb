import Foundation
import Model
@testable import PolicyEngine
import PostureTesting
import Testing

/// The repository's own policy pack: it loads cleanly and every example behaves —
/// the SwiftLint way of testing rules by their triggering and non-triggering examples.
@Suite("The bundled policy pack")
struct PolicyPackTests {
    static let catalog = PolicyCatalog.load(paths: [TestPaths.policies().path])

    @Test("loads without errors")
    func loads() throws {
        let catalog = try Self.catalog.get()
        #expect(!catalog.policies.isEmpty)
    }

    @Test("every fail example fails and every pass example passes")
    func examplesBehave() throws {
        let outcomes = ExampleRunner.run(try Self.catalog.get().policies)
        for outcome in outcomes where !outcome.passed {
            Issue.record("\(outcome.location): \(outcome.policyID) \(outcome.expectation.rawValue) example: \(outcome.problem ?? "")")
        }
        #expect(outcomes.count > 0)
    }

    @Test("every policy has at least one fail and one pass example")
    func everyPolicyHasExamples() throws {
        for policy in try Self.catalog.get().policies {
            #expect(!policy.examples.fail.isEmpty && !policy.examples.pass.isEmpty, "\(policy.id) at \(policy.location)")
        }
    }

    @Test("each policy file is named after its id")
    func fileNamesMatchIDs() throws {
        for policy in try Self.catalog.get().policies {
            #expect((policy.location.file as NSString).lastPathComponent == "\(policy.id).yaml")
        }
    }

    @Test("framework ids carry a version or are the FSBP control set")
    func frameworkIDsAreVersioned() throws {
        for policy in try Self.catalog.get().policies {
            for framework in policy.frameworks.keys {
                #expect(framework == "aws-fsbp" || framework.range(of: #"-\d+(\.\d+)*$"#, options: .regularExpression) != nil,
                        "\(policy.id): framework '\(framework)' has no version")
            }
        }
    }

    @Test("the responsibility map assigns every domain in every model and cites each provider")
    func responsibilityMap() throws {
        let map = try Self.catalog.get().responsibility
        for provider in Provider.allCases {
            let model = try #require(map.providers[provider], "\(provider) missing")
            #expect(model.reference.hasPrefix("https://"))
            for serviceModel in ResponsibilityMap.serviceModels {
                #expect(model.models[serviceModel]?.count == map.domains.count, "\(provider) \(serviceModel)")
            }
        }
        #expect(map.owner(of: "physical-security", provider: .aws) == .provider)
        #expect(map.owner(of: "identity-and-access", provider: .aws) == .customer)
    }
}
