import Foundation
import Model
import PostureTesting
import SourceText
import Testing
@testable import ProviderAWS

/// The decoded documents are what offline scans read: written as a bundle (the layout of
/// snapshots/README.md, as `posture snapshot` will write it), read back and normalized.
@Suite("AWS wire documents in a snapshot")
struct WireSnapshotTests {
    @Test("a bundle of decoded answers normalizes to the seeded account; only Access Analyzer's failure is reported")
    func bundleNormalizes() throws {
        let folder = try ScratchFolder("posture-wire-bundle")
        let decoder = AWSWireDecoder()
        var written: Set<String> = []
        for call in WireFixtures.shared.calls where call.name != "iam/GetAccountAuthorizationDetails-2" {
            guard let operation = WireFixtures.operation(call), let snapshotCall = Self.snapshotCall(operation),
                  let first = call.exchanges.first else { continue }
            let params = try WireFixtures.request(first).params
            guard let path = Self.bundlePath(snapshotCall, params: params), !written.contains(path) else { continue }
            var pages: [JSONValue] = []
            var answer: AWSErrorAnswer?
            for exchange in call.exchanges {
                switch decoder.decodeDocument(try WireFixtures.response(exchange), operation: operation) {
                case let .success(page): pages.append(page)
                case let .failure(error): answer = error
                }
            }
            let data: Data
            if let answer {
                // Only "not configured" answers, and Access Analyzer (moto lacks it), go in the bundle.
                guard snapshotCall.absentCodes.contains(answer.code) || snapshotCall == .listAnalyzers else { continue }
                data = JSONValue.object([JSONMember("Error", .object([
                    JSONMember("Code", .string(answer.code)), JSONMember("Message", .string(answer.message)),
                ]))]).cliData()
            } else {
                data = (operation.paginator.map { $0.merge(pages) } ?? pages.first ?? .object([])).cliData()
            }
            let url = folder.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
            written.insert(path)
        }
        #expect(written.count > 40)

        let raw = BundleReader().read(folder.url.path)
        #expect(raw.ignored.isEmpty, "\(raw.ignored)")
        let inventory = AWSNormalizer.normalize(raw)
        let users = Set(inventory.identities.filter { $0.kind == .user }.map(\.name))
        #expect(Set((1...6).map { "user-\($0)" }).isSubset(of: users))
        #expect(Set(["role-1", "role-2", "role-3"]).isSubset(of: Set(inventory.identities.filter { $0.kind == .role }.map(\.name))))
        #expect(Set(inventory.buckets.map(\.name)) == ["posture-data", "posture-logs", "posture-public", "posture-eu"])
        let data = try #require(inventory.buckets.first { $0.name == "posture-data" })
        #expect(data.encryption?.enabled == true)
        #expect(inventory.buckets.first { $0.name == "posture-public" }?.aws.policy != nil)
        #expect(inventory.trails.count == 2)
        #expect(inventory.collectionErrors.map(\.code) == ["500"], "\(inventory.collectionErrors)")
    }

    static func snapshotCall(_ operation: AWSOperation) -> AWSCall? {
        AWSCall.allCases.first { $0.modelService == operation.service && $0.operation == operation.name }
    }

    /// Where `posture snapshot` puts the answer (snapshots/README.md).
    static func bundlePath(_ call: AWSCall, params: [String: FixtureJSON]) -> String? {
        let name = call == .getAccountPublicAccessBlock ? "get-public-access-block" : call.rawValue
        let region = "us-east-1"
        switch call.subject {
        case .bucket:
            return params["Bucket"]?.scalarText.map { "s3/buckets/\($0)/\(name).json" }
        case .trail:
            return (params["Name"] ?? params["TrailName"])?.scalarText.map { "cloudtrail/\(region)/\(name)--\($0).json" }
        case .key:
            return params["KeyId"]?.scalarText.map { "kms/\(region)/\(name)--\($0).json" }
        case .account:
            switch call.service {
            case "sts", "iam": return "\(call.service)/\(name).json"
            case "s3": return call == .getAccountPublicAccessBlock ? "s3control/\(name).json" : "s3/\(name).json"
            case "config": return "configservice/\(region)/\(name).json"
            case "access-analyzer": return "accessanalyzer/\(region)/\(name).json"
            default: return "\(call.service)/\(region)/\(name).json"
            }
        }
    }
}
