import Foundation
import Model
import PostureTesting
@testable import ProviderAWS
import ProviderKit
import Testing

/// The collector's plan and filing, fed with the real answers of the demo account (exported by
/// the AWS CLI): a live collection of the same account must normalize to the same inventory
/// as the offline read, and writing it as a bundle must read back the same.
/// (The wire, signing and HTTP are exercised against moto_server in LiveAWSTests.)
@Suite("Live collector: plan and filing, replaying the demo export")
struct LiveCollectorReplayTests {
    static let demo = TestPaths.packageRoot().appendingPathComponent("snapshots/demo").path

    @Test("every call's bundle path classifies back to the same call, subject and region")
    func layoutRoundTrip() throws {
        for call in AWSCall.allCases {
            let subject: String? = switch call.subject {
            case .account: nil
            case .bucket: "kestrel.logs-2"
            case .trail: "org-audit_trail"
            case .key: "1234abcd-12ab-34cd-56ef-1234567890ab"
            }
            let path = try #require(BundleLayout.path(call, subject: subject, region: "eu-central-1"), "\(call)")
            guard case let .call(classified) = FileClassifier.classify(relative: path) else {
                Issue.record("\(path) does not classify"); continue
            }
            #expect(classified.call == call, "\(path)")
            #expect(classified.subject == subject, "\(path)")
            let regional = ["cloudtrail", "config", "kms", "access-analyzer"].contains(call.service)
            #expect(classified.region == (regional ? "eu-central-1" : nil), "\(path)")
        }
        #expect(BundleLayout.path(.getBucketAcl, subject: "../etc", region: "us-east-1") == nil)
        #expect(BundleLayout.path(.getTrailStatus, subject: "a--b", region: "us-east-1") == nil)
    }

    @Test("a replayed live collection normalizes like the offline read, and its bundle reads back identically")
    func replayEqualsOffline() async throws {
        let offline = BundleReader().read(Self.demo)
        #expect(offline.problems.isEmpty)
        let performer = ReplayPerformer(offline)
        let progress = CollectionProgress()
        let collector = AWSLiveCollector(performer: performer,
                                         options: .init(homeRegion: "us-east-1", regions: offline.manifestRegions), progress: progress)
        let collection = try await collector.collect()
        #expect(collection.account == "123456789012")
        #expect(collection.unfiled.isEmpty)
        // Every answer the export holds was asked for, and nothing else but the report trigger.
        #expect(Set(collection.entries.map(\.path)) == performer.servedPaths)
        #expect(Set(performer.servedPaths) == Set(offline.documents.map { Self.relative($0.source) }))
        let counts = progress.snapshot()
        #expect(counts.started == counts.finished)
        #expect(counts.finished == collection.entries.count + 1) // + GenerateCredentialReport

        var live = collection.snapshot
        live.origin = .api
        let liveInventory = AWSNormalizer.normalize(live)
        let offlineInventory = AWSNormalizer.normalize(offline)
        #expect(try Self.comparable(liveInventory) == Self.comparable(offlineInventory))
        #expect(liveInventory.identities.allSatisfy { $0.source.kind == .api })

        let folder = try TestPaths.temporaryFolder("posture-live-bundle").appendingPathComponent("out").path
        try BundleWriter().write(collection.bundleFiles(tool: "posture test"), to: folder)
        let written = BundleReader().read(folder)
        #expect(written.problems.isEmpty)
        #expect(written.manifestAccount == "123456789012")
        #expect(try Self.comparable(AWSNormalizer.normalize(written)) == Self.comparable(offlineInventory))
        let mode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let fileMode = try FileManager.default.attributesOfItem(atPath: folder + "/iam/get-account-summary.json")[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(throws: BundleWriter.Failure.self) { try BundleWriter().write(collection.bundleFiles(tool: "posture test"), to: folder) }
    }

    @Test("a failed call is filed as an error answer: the data set is incomplete, never a pass")
    func failedCallIsIncomplete() async throws {
        let offline = BundleReader().read(Self.demo)
        let performer = ReplayPerformer(offline, failing: ["s3/buckets/kestrel-quality-reports-eu/get-bucket-policy.json"])
        let collection = try await AWSLiveCollector(performer: performer, options: .init(homeRegion: "us-east-1", regions: ["us-east-1"])).collect()
        // The demo account also has moto's Access Analyzer failure (moto emulates no analyzers).
        #expect(collection.failedCalls.map(\.call).filter { $0 != .listAnalyzers } == [.getBucketPolicy])
        let inventory = AWSNormalizer.normalize(collection.snapshot)
        #expect(inventory.isIncomplete)
        let bucket = try #require(inventory.buckets.first { $0.name == "kestrel-quality-reports-eu" })
        #expect(!bucket.collected.contains("policy"))
        // Only that bucket's policy is unknown: the account keeps S3 coverage for the others.
        #expect(inventory.accounts.first?.coverage.contains("s3") == true)
        #expect(inventory.buckets.filter { $0.name != bucket.name }.allSatisfy { $0.collected.contains("policy") })
    }

    @Test("without the caller's identity the collection does not start, and says why")
    func identityRequired() async throws {
        let performer = ReplayPerformer(RawSnapshot(), failing: ["sts/get-caller-identity.json"])
        await #expect(throws: LiveCollectionError.self) {
            _ = try await AWSLiveCollector(performer: performer, options: .init(homeRegion: "us-east-1", regions: ["us-east-1"])).collect()
        }
    }

    @Test("a failed identity call says what to do about expired, unknown or mismatched credentials and a skewed clock", arguments: [
        ("ExpiredToken", "have expired"), ("ExpiredTokenException", "have expired"), ("RequestTimeTooSkewed", "clock"),
        ("RequestExpired", "clock"), ("InvalidClientTokenId", "does not know this access key id"),
        ("SignatureDoesNotMatch", "secret access key"), ("AccessDenied", nil),
    ])
    func identityHints(_ code: String, _ expected: String?) {
        let hint = AWSLiveCollector.identityHint(.error(code: code, message: "m", status: 403))
        if let expected {
            #expect(hint?.contains(expected) == true, "\(hint ?? "no hint")")
        } else {
            #expect(hint == nil)
        }
    }

    static func relative(_ source: String) -> String {
        String(source.dropFirst(demo.count + 1))
    }

    /// The inventory as JSON with every resource's source left out (a file path offline, an
    /// API call live): everything else must be equal.
    static func comparable(_ inventory: Inventory) throws -> String {
        var copy = inventory
        let blank = ResourceSource(kind: .file, location: "")
        for index in copy.accounts.indices { copy.accounts[index].source = blank }
        for index in copy.identities.indices { copy.identities[index].source = blank }
        for index in copy.buckets.indices { copy.buckets[index].source = blank }
        for index in copy.trails.indices { copy.trails[index].source = blank }
        for index in copy.keys.indices { copy.keys[index].source = blank }
        copy.collectionErrors = copy.collectionErrors.map { CollectionError(source: "", account: $0.account, region: $0.region, dataSet: $0.dataSet, code: $0.code, message: $0.message) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        return String(decoding: try encoder.encode(copy), as: UTF8.self)
    }
}

/// Answers planned requests with the documents of an exported bundle, found by the path the
/// collector files them under; `failing` paths answer AccessDenied.
final class ReplayPerformer: LiveCallPerformer, @unchecked Sendable {
    private let byPath: [String: SnapshotDocument]
    private let failing: Set<String>
    private let lock = NSLock()
    private var served: Set<String> = []

    init(_ snapshot: RawSnapshot, failing: Set<String> = []) {
        var byPath: [String: SnapshotDocument] = [:]
        for document in snapshot.documents { byPath[LiveCollectorReplayTests.relative(document.source)] = document }
        self.byPath = byPath
        self.failing = failing
    }

    var servedPaths: Set<String> { lock.withLock { served } }

    func perform(_ request: LiveRequest) async -> LiveAnswer {
        guard case let .call(call) = request.operation else {
            return request.operation == .generateCredentialReport ? .document(Data(#"{"State": "COMPLETE"}"#.utf8))
                : .error(code: "UnauthorizedOperation", message: "not replayed", status: 403)
        }
        let subject: String? = switch call.subject {
        case .account: nil
        case .bucket: request.parameters["Bucket"]
        case .trail: (request.parameters["Name"] ?? request.parameters["TrailName"]).map { String($0.split(separator: "/").last ?? "") }
        case .key: request.parameters["KeyId"]
        }
        guard let path = BundleLayout.path(call, subject: subject, region: request.region) else {
            return .error(code: "ValidationError", message: "no path", status: 400)
        }
        if failing.contains(path) { return .error(code: "AccessDenied", message: "Access Denied", status: 403) }
        guard let document = byPath[path] else { return .error(code: "NotReplayed", message: path, status: 404) }
        lock.withLock { _ = served.insert(path) }
        switch document.payload {
        case let .json(data): return .document(data)
        case let .error(code, message): return .error(code: code, message: message, status: nil)
        // A bundle's files read as JSON; only AWS Config items become typed answers.
        case .value: return .error(code: "NotReplayed", message: "\(path) is a typed answer", status: 500)
        }
    }
}
