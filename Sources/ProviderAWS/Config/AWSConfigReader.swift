import Foundation
import SourceText

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
/// `supplementaryConfiguration` kept as JSON trees (decoded by each domain into its own types).
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
    var configuration: JSONValue?
    /// Key → JSON; AWS Config often stores these values as JSON *strings*, which are unwrapped.
    var supplementaryConfiguration: [String: JSONValue]
    /// `file#/configurationItems/3` — where the item came from.
    var source: String

    /// The items of a snapshot or history file, or a bare item (also the `configurationItem`
    /// of a change notification).
    static func items(in data: Data, source: String) throws(SnapshotError) -> [ConfigurationItem] {
        let root: JSONValue
        do throws(JSONValue.ParseError) {
            root = try JSONValue.parse(data)
        } catch {
            throw SnapshotError(source: "\(source):\(error.line):\(error.column)", message: "invalid JSON: \(error.message)")
        }
        guard case .object = root else { throw SnapshotError(source: source, message: "expected a JSON object") }
        if case let .array(list)? = root["configurationItems"] {
            return list.enumerated().compactMap { index, element in item(element, source: "\(source)#/configurationItems/\(index)") }
        }
        if let single = root["configurationItem"], case .object = single {
            return item(single, source: "\(source)#/configurationItem").map { [$0] } ?? []
        }
        if let single = item(root, source: source) { return [single] }
        throw SnapshotError(source: source, message: "not an AWS Config snapshot, history file or configuration item")
    }

    /// The item an object describes; nil for anything else, or an object naming no resource type.
    private static func item(_ object: JSONValue, source: String) -> ConfigurationItem? {
        guard case .object = object, let type = object["resourceType"]?.stringValue else { return nil }
        var supplementary: [String: JSONValue] = [:]
        for member in object["supplementaryConfiguration"]?.objectMembers ?? [] {
            if let value = json(member.value) { supplementary[member.key] = value }
        }
        func text(_ key: String) -> String? { object[key]?.stringValue }
        // A key present with null still hides its alternative, as it always has.
        func either(_ key: String, _ alternative: String) -> String? { (object[key] ?? object[alternative])?.stringValue }
        return ConfigurationItem(
            resourceType: type, resourceId: text("resourceId"), resourceName: text("resourceName"), arn: either("ARN", "arn"),
            // Items of configuration-item version 1.2 delivered to Config rules name it `accountId`.
            accountId: either("awsAccountId", "accountId"),
            region: text("awsRegion"), captureTime: text("configurationItemCaptureTime"),
            status: text("configurationItemStatus"), configuration: object["configuration"].flatMap(json),
            supplementaryConfiguration: supplementary, source: source)
    }

    /// A value with a string holding JSON (AWS Config's habit) unwrapped, twice if need be;
    /// nil for null.
    static func json(_ value: JSONValue) -> JSONValue? {
        var current = value
        for _ in 0..<3 {
            guard case let .string(text) = current else { break }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            // A JSON string literal holding JSON (S3's AccessControlList is encoded twice) starts with a quote.
            guard trimmed.hasPrefix("{") || trimmed.hasPrefix("[") || trimmed.hasPrefix("\""),
                  let parsed = try? JSONValue.parse(trimmed) else { break }
            current = parsed
        }
        return current == .null ? nil : current
    }
}
