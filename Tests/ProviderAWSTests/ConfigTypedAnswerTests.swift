import Foundation
import Model
import PostureTesting
@testable import ProviderAWS
import ProviderKit
import SourceText
import Testing

/// AWS Config items are parsed once and handed on as typed answers: never printed as JSON to
/// be read again, yet still writable as a bundle's files.
@Suite("AWS Config items as typed answers")
struct ConfigTypedAnswerTests {
    @Test("every answer an item becomes is typed, as the normalizer reads it")
    func typedAnswers() throws {
        let raw = AWSConfigReader.read(Data(AuditConfigItemTests.snapshotJSON.utf8), source: "config.json")
        #expect(!raw.documents.isEmpty && raw.problems.isEmpty)
        for document in raw.documents {
            guard case .value = document.payload else { Issue.record("\(document.source): \(document.call) is not typed"); continue }
        }
        let document = try #require(raw.documents(.describeTrails).first)
        let trails = try document.decode(CloudTrailDescribeTrails.self)
        #expect(trails?.trailList?.first?.trailARN == "arn:aws:cloudtrail:us-east-1:111122223333:trail/main")
        // Asked for another type, a typed answer says what it holds, with its place.
        #expect {
            try document.decode(KMSDescribeKey.self)
        } throws: { error in
            "\(error)" == "config.json#/configurationItems/0: holds CloudTrailDescribeTrails, not KMSDescribeKey"
        }
    }

    @Test("typed answers written as a bundle read back as the same inventory")
    func bundleRoundTrip() throws {
        let raw = AWSConfigReader.read(Data(AuditConfigItemTests.snapshotJSON.utf8), source: "config.json")
        var entries: [LiveCollection.Entry] = []
        for document in raw.documents {
            let path = try #require(BundleLayout.path(document.call, subject: document.subject, region: document.region))
            entries.append(LiveCollection.Entry(path: path, document: document))
        }
        let collection = LiveCollection(entries: entries, account: "111122223333", regions: ["eu-west-1", "us-east-1"],
                                        collected: Date(timeIntervalSince1970: 1_800_000_000), requests: 0, unfiled: [])
        let folder = try TestPaths.temporaryFolder("posture-config-bundle").appendingPathComponent("out").path
        try BundleWriter().write(collection.bundleFiles(tool: "posture test"), to: folder)
        let written = BundleReader().read(folder)
        #expect(written.problems.isEmpty, "\(written.problems)")
        var fromConfig = AWSNormalizer.normalize(raw)
        fromConfig.ignoredFiles = [] // the deleted trail's item, which the bundle never held
        let fromBundle = AWSNormalizer.normalize(written)
        #expect(try LiveCollectorReplayTests.comparable(fromBundle) == LiveCollectorReplayTests.comparable(fromConfig))
        #expect(fromBundle.keys.first?.created == Date(timeIntervalSince1970: 1_502_910_355.475))
    }

    @Test("an answer with no JSON form is a write failure naming the file, not an empty file")
    func unwritable() throws {
        let raw = AWSConfigReader.read(Data(IAMConfigTests.snapshot.utf8), source: "config.json")
        let document = try #require(raw.documents(.getAccountAuthorizationDetails).first)
        let collection = LiveCollection(entries: [LiveCollection.Entry(path: "iam/get-account-authorization-details.json", document: document)],
                                        account: "111122223333", regions: [], collected: Date(), requests: 0, unfiled: [])
        let folder = try TestPaths.temporaryFolder("posture-config-bundle").appendingPathComponent("out").path
        #expect {
            try BundleWriter().write(collection.bundleFiles(tool: "posture test"), to: folder)
        } throws: { error in
            "\(error)".contains("get-account-authorization-details.json: the typed answer IAMAuthorizationDetails cannot be written as JSON")
        }
    }

    @Test("a file that is not JSON is one problem with its line and column")
    func invalidJSON() throws {
        let raw = AWSConfigReader.read(Data("{\"configurationItems\": [\n  {\"resourceType\": }]}".utf8), source: "config.json")
        let problem = try #require(raw.problems.first)
        #expect(problem.description == "config.json:2:20: invalid JSON: unexpected character '}'")
        #expect(raw.documents.isEmpty)
    }

    @Test("re-casing keys: aliases, kept values, and keys that meet keep the first place and the last value")
    func recasing() throws {
        let value = try JSONValue.parse(#"{"trailName": "a", "isLogging": {"innerKey": 1}, "TrailName": "b", "policyDocument": {"aws:x": 1}}"#)
        let recased = value.recased(upper: true, aliases: ["TrailName": "Name"], keeping: ["policyDocument"])
        #expect(recased == .object([
            JSONMember("Name", .string("b")), JSONMember("IsLogging", .object([JSONMember("InnerKey", .number("1"))])),
            JSONMember("PolicyDocument", .object([JSONMember("aws:x", .number("1"))])),
        ]))
        #expect(value.recased(upper: false)["isLogging"]?["innerKey"] == .number("1"))
    }
}
