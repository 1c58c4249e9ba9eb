import Foundation
@testable import PolicyEngine
import PostureTesting
import Testing

@Suite("Loading the responsibility map")
struct ResponsibilityMapTests {
    private func problems(_ text: String) throws -> [String] {
        let folder = try ScratchFolder()
        let path = try folder.write("responsibility.yaml", text)
        guard case let .failure(list) = ResponsibilityMap.load(path: path) else { return [] }
        return list.sorted.map { "\($0.location.line):\($0.location.column) \($0.code)" }
    }

    @Test("the test map loads")
    func valid() throws {
        #expect(try problems(PolicyTree.responsibility).isEmpty)
    }

    @Test("an unknown owner is an error at its place")
    func unknownOwner() throws {
        let text = PolicyTree.responsibility.replacingOccurrences(
            of: "data-protection: {owner: customer, rationale: Customers configure encryption.}",
            with: "data-protection: {owner: customr, rationale: Customers configure encryption.}")
        #expect(try problems(text) == ["10:34 invalid-value"])
    }

    @Test("a model that leaves a domain unassigned is an error")
    func incompleteModel() throws {
        let text = PolicyTree.responsibility.replacingOccurrences(of: "\n        data-protection: {owner: shared, rationale: Customers classify data.}", with: "")
        #expect(try problems(text) == ["15:9 incomplete"])
    }

    @Test("a missing rationale is an error")
    func missingRationale() throws {
        let text = PolicyTree.responsibility.replacingOccurrences(of: "{owner: customer, rationale: Customers configure encryption.}", with: "{owner: customer}")
        #expect(try problems(text).map { $0.split(separator: " ").last.map(String.init) } == ["missing-key"])
    }
}
