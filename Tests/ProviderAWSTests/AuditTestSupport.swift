import Foundation
import Model
import PostureTesting
@testable import ProviderAWS
import SourceText

/// Reading the c7n placebo recordings of the audit domain, and building snapshots from bodies.
enum AuditCorpus {
    static let cloudTrailFile = TestPaths.shared("corpus/aws/cloudtrail/c7n-placebo-cloudtrail-responses-by-operation.json")
    static let configFile = TestPaths.shared("corpus/aws/config/c7n-placebo-config-api-responses-by-operation.json")
    static let cloudMapperDemo = TestPaths.shared("corpus/aws/cloudmapper-demo")
    static var available: Bool { cloudTrailFile != nil && configFile != nil && cloudMapperDemo != nil }

    /// One recording: its placebo file (`test_x/cloudtrail.DescribeTrails_1.json`) and the CLI body.
    struct Recording {
        var file: String
        var body: Data
    }

    /// The bodies of one operation (`cloudtrail.DescribeTrails`) in a by-operation file:
    /// `recording.data` without `ResponseMetadata`, placebo datetime dicts as ISO 8601 text.
    static func recordings(_ url: URL?, _ operation: String) throws -> [Recording] {
        guard let url else { return [] }
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let operations = root?["operations"] as? [String: Any]
        let entries = operations?[operation] as? [[String: Any]] ?? []
        return try entries.compactMap { entry in
            guard let file = entry["placebo_file"] as? String, let recording = entry["recording"] as? [String: Any],
                  var data = recording["data"] as? [String: Any] else { return nil }
            data["ResponseMetadata"] = nil
            let body = try JSONSerialization.data(withJSONObject: unwrapDates(data), options: [.sortedKeys])
            return Recording(file: file.replacingOccurrences(of: "tests/data/placebo/", with: ""), body: body)
        }
    }

    /// The body recorded in one placebo file, e.g. `test_cloudtrail_status/cloudtrail.GetTrailStatus_1.json`.
    static func body(_ url: URL?, _ operation: String, _ file: String) throws -> Data {
        guard let match = try recordings(url, operation).first(where: { $0.file == file }) else {
            throw AuditTestError("no recording \(file) for \(operation)")
        }
        return match.body
    }

    /// Placebo's `{"__class__": "datetime", "year": …}` → `"2019-01-22T21:05:48Z"`.
    static func unwrapDates(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            if object["__class__"] as? String == "datetime", let year = object["year"] as? Int {
                func part(_ key: String) -> Int { object[key] as? Int ?? 0 }
                return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, part("month"), part("day"), part("hour"), part("minute"), part("second"))
            }
            return object.mapValues(unwrapDates)
        }
        if let list = value as? [Any] { return list.map(unwrapDates) }
        return value
    }
}

struct AuditTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A raw snapshot built from documents in memory.
struct AuditSnapshot {
    var raw = RawSnapshot()

    init(account: String? = "111122223333") {
        raw.manifestAccount = account
    }

    mutating func add(_ call: AWSCall, _ json: String, subject: String? = nil, region: String? = "us-east-1") {
        add(call, Data(json.utf8), subject: subject, region: region)
    }

    mutating func add(_ call: AWSCall, _ data: Data, subject: String? = nil, region: String? = "us-east-1") {
        let source = "\(call.service)/\(region ?? "")/\(call.rawValue)\(subject.map { "--\($0)" } ?? "").json"
        raw.documents.append(BundleReader().document(data, classification: .init(call: call, subject: subject, region: region), source: source))
    }

    func normalize() -> Inventory { AWSNormalizer.normalize(raw) }
}

extension Inventory {
    func auditAccount(_ id: String) -> Account? { accounts.first { $0.account == id } }
    func auditTrail(_ name: String) -> Trail? { trails.first { $0.name == name } }
    func auditKey(_ id: String) -> EncryptionKey? { keys.first { $0.name == id } }
}

/// A small selector document for coverage tests.
func auditSelectors(_ json: String) throws -> CloudTrailEventSelectors {
    try JSONText.decoder.decode(CloudTrailEventSelectors.self, from: Data(json.utf8))
}
