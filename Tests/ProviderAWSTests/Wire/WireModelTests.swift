import Foundation
import PostureTesting
import Testing
@testable import ProviderAWS

@Suite("AWS wire model")
struct WireModelTests {
    @Test("the committed model is what the generator writes from the installed botocore")
    func generatedFileIsCurrent() async throws {
        let root = TestPaths.packageRoot()
        guard try await ChildRun.run(["python3", "-c", "import botocore"]).status == 0 else {
            Issue.record("botocore is not installed: cannot check AWSWireModel+Generated.swift (skipped)")
            return
        }
        let scratch = try ScratchFolder("posture-wire-model")
        let output = scratch.url.appendingPathComponent("Generated.swift")
        let generator = try await ChildRun.run(["python3", root.appendingPathComponent("scripts/generate-aws-wire-model.py").path, output.path])
        #expect(generator.status == 0, "\(generator.stderr)")
        let committed = try Data(contentsOf: root.appendingPathComponent("Sources/ProviderAWS/Live/Wire/AWSWireModel+Generated.swift"))
        #expect(try Data(contentsOf: output) == committed, "run scripts/generate-aws-wire-model.py and commit the result")
    }

    @Test("every snapshot call and the two auxiliary operations have an operation, and all of them only read")
    func everyCallHasAnOperation() throws {
        let model = AWSWireModel.standard
        var names: [String] = []
        for call in AWSCall.allCases {
            let operation = try #require(model.operation(for: call), "\(call)")
            #expect(operation.name == call.operation)
            names.append(operation.name)
        }
        for auxiliary in AWSAuxiliaryOperation.allCases {
            names.append(try #require(model.operation(for: auxiliary)).name)
        }
        #expect(model.operations.count == names.count)
        for name in model.operations.map(\.name) {
            #expect(["Get", "List", "Describe", "GenerateCredentialReport"].contains { name.hasPrefix($0) }, "\(name) is not read-only")
        }
    }

    @Test("model facts the wire layer relies on")
    func modelFacts() throws {
        let model = AWSWireModel.standard
        #expect(model.service("cloudtrail")?.targetPrefix == "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101")
        #expect(model.service("s3control")?.signingName == "s3")
        #expect(model.operation(service: "iam", name: "GetAccountSummary")?.resultWrapper == "GetAccountSummaryResult")
        let policy = try #require(model.operation(for: .getBucketPolicy)?.output.map(model.shape))
        #expect(policy.payload == "Policy")
        let pages = try #require(model.operation(for: .getAccountAuthorizationDetails)?.paginator)
        #expect(pages.resultKeys == ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"] && pages.moreResults == "IsTruncated")
        #expect(model.shapes.contains { $0.policyDocument })
        // Shapes shared between operations appear once.
        #expect(Set(model.shapes.map(\.name)).count == model.shapes.count)
    }
}
