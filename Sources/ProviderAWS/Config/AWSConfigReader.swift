import Foundation

/// AWS Config snapshots (`{"fileVersion", "configSnapshotId", "configurationItems": [...]}`),
/// configuration-history files, and bare configuration items, turned into the same API
/// answers a bundle holds, so that one normalizer serves every input.
enum AWSConfigReader {
    static func read(_ data: Data, source: String) -> RawSnapshot {
        var snapshot = RawSnapshot()
        let items: [ConfigurationItem]
        do {
            items = try ConfigurationItem.items(in: data, source: source)
        } catch {
            snapshot.problems.append(error)
            return snapshot
        }
        for item in items {
            switch item.resourceType {
            case "AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Role", "AWS::IAM::Policy":
                snapshot.merge(AWSConfigIAM.documents(for: item))
            case "AWS::S3::Bucket", "AWS::S3::AccountPublicAccessBlock":
                snapshot.merge(AWSConfigS3.documents(for: item))
            case "AWS::CloudTrail::Trail", "AWS::Config::ConfigurationRecorder", "AWS::KMS::Key":
                snapshot.merge(AWSConfigAudit.documents(for: item))
            default:
                snapshot.ignored.append("\(item.source): \(item.resourceType) is not a resource type posture reads")
            }
        }
        return snapshot
    }
}

/// One AWS Config configuration item, with its `configuration` and
/// `supplementaryConfiguration` kept as JSON (decoded by each domain into its own types).
struct ConfigurationItem: Sendable {
    var resourceType: String
    var resourceId: String?
    var resourceName: String?
    var arn: String?
    var accountId: String?
    var region: String?
    var captureTime: String?
    /// `OK`, `ResourceDiscovered`, `ResourceDeleted`, `ResourceNotRecorded`, ...
    var status: String?
    var configuration: Data?
    /// Key → JSON; AWS Config often stores these values as JSON *strings*, which are unwrapped.
    var supplementaryConfiguration: [String: Data]
    /// `file#/configurationItems/3` — where the item came from.
    var source: String

    /// The items of a snapshot or history file, or a bare item (also the `configurationItem`
    /// of a change notification).
    static func items(in data: Data, source: String) throws(SnapshotError) -> [ConfigurationItem] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw SnapshotError(source: source, message: "not valid JSON: \(error.localizedDescription)")
        }
        guard let object = root as? [String: Any] else { throw SnapshotError(source: source, message: "expected a JSON object") }
        if let list = object["configurationItems"] as? [Any] {
            return list.enumerated().compactMap { index, element in
                (element as? [String: Any]).flatMap { item($0, source: "\(source)#/configurationItems/\(index)") }
            }
        }
        if let single = object["configurationItem"] as? [String: Any] {
            return item(single, source: "\(source)#/configurationItem").map { [$0] } ?? []
        }
        if let single = item(object, source: source) { return [single] }
        throw SnapshotError(source: source, message: "not an AWS Config snapshot, history file or configuration item")
    }

    private static func item(_ object: [String: Any], source: String) -> ConfigurationItem? {
        guard let type = object["resourceType"] as? String else { return nil }
        var supplementary: [String: Data] = [:]
        for (key, value) in object["supplementaryConfiguration"] as? [String: Any] ?? [:] {
            if let data = json(value) { supplementary[key] = data }
        }
        return ConfigurationItem(
            resourceType: type, resourceId: object["resourceId"] as? String, resourceName: object["resourceName"] as? String,
            arn: (object["ARN"] ?? object["arn"]) as? String,
            // Items of configuration-item version 1.2 delivered to Config rules name it `accountId`.
            accountId: (object["awsAccountId"] ?? object["accountId"]) as? String,
            region: object["awsRegion"] as? String, captureTime: object["configurationItemCaptureTime"] as? String,
            status: object["configurationItemStatus"] as? String, configuration: object["configuration"].flatMap(json),
            supplementaryConfiguration: supplementary, source: source)
    }

    /// JSON bytes for a value; a string holding JSON (AWS Config's habit) is unwrapped, twice if need be.
    static func json(_ value: Any) -> Data? {
        var current = value
        for _ in 0..<3 {
            guard let text = current as? String else { break }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            // A JSON string literal holding JSON (S3's AccessControlList is encoded twice) starts with a quote.
            guard trimmed.hasPrefix("{") || trimmed.hasPrefix("[") || trimmed.hasPrefix("\""),
                  let parsed = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8), options: [.fragmentsAllowed]) else { break }
            current = parsed
        }
        if current is NSNull { return nil }
        return try? JSONSerialization.data(withJSONObject: current, options: [.fragmentsAllowed, .sortedKeys])
    }
}
