import Foundation
@testable import ProviderAWS
import PostureTesting
import Testing

/// The documented read-only policy lists exactly what the calls posture knows need.
@Suite("Least privilege")
struct LeastPrivilegeTests {
    @Test("docs/posture-readonly-policy.json grants every permission the known calls need, and nothing that writes")
    func documentedPolicy() throws {
        let url = TestPaths.packageRoot().appendingPathComponent("docs/posture-readonly-policy.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let statements = try #require(document["Statement"] as? [[String: Any]])
        let granted = Set(statements.flatMap { $0["Action"] as? [String] ?? [] })
        let needed = Set(AWSCall.allCases.compactMap(\.permission))
        #expect(needed.subtracting(granted).isEmpty, "missing: \(needed.subtracting(granted).sorted())")
        let extra = granted.subtracting(needed).subtracting(["iam:GenerateCredentialReport", "ec2:DescribeRegions"])
        #expect(extra.isEmpty, "not needed: \(extra.sorted())")
        let verbs = ["Get", "List", "Describe", "GenerateCredentialReport"]
        for action in granted {
            let operation = action.split(separator: ":").last.map(String.init) ?? ""
            #expect(verbs.contains { operation.hasPrefix($0) }, "\(action) is not a read")
        }
    }
}
