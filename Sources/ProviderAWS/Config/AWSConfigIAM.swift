import Foundation
import SourceText

/// AWS Config items of the IAM domain as API answers: each `AWS::IAM::User|Group|Role|Policy`
/// item becomes a one-entity `get-account-authorization-details` document, so that the one
/// IAM normalizer (which merges any number of such documents) serves Config input too.
///
/// A Config item's `configuration` is the authorization-details entity in camelCase
/// (`userName`, `attachedManagedPolicies`, `userPolicyList[].policyDocument` as a URL-encoded
/// string, `policyVersionList[].document`, …): every key is renamed to the CLI's PascalCase
/// and the values pass through unchanged, so a wrong type still reaches the normalizer and is
/// reported there with its JSON path. Policy documents are passed through untouched (their
/// own keys are already IAM's, and condition keys such as `aws:SourceIp` must keep their case).
enum AWSConfigIAM {
    static func documents(for item: ConfigurationItem) -> RawSnapshot {
        var snapshot = RawSnapshot()
        guard let listKey = listKeys[item.resourceType] else {
            snapshot.ignored.append("\(item.source): \(item.resourceType) is not an IAM entity posture reads")
            return snapshot
        }
        if item.status == "ResourceDeleted" || item.status == "ResourceNotRecorded" {
            snapshot.ignored.append("\(item.source): \(item.resourceType) \(item.resourceName ?? item.resourceId ?? ""): \(item.status ?? "")")
            return snapshot
        }
        let payload: SnapshotDocument.Payload
        do {
            guard let data = item.configuration else { throw ConfigJSON.Problem.message("the item has no configuration") }
            var entity = try JSONText.decoder.decode(ConfigJSON.self, from: data).renamed()
            if case var .object(members) = entity, members["Arn"] == nil, let arn = item.arn {
                members["Arn"] = .string(arn)
                entity = .object(members)
            }
            let wrapped = ConfigJSON.object([listKey: .array([entity])])
            payload = .json(try JSONEncoder().encode(wrapped))
        } catch {
            // Still an IAM answer, so the normalizer charges the failure to the item's account.
            payload = .error(code: "InvalidConfigurationItem", message: "configuration: \(error)")
        }
        // `subject` names the account: Config items say which, authorization details do not.
        snapshot.documents.append(SnapshotDocument(
            call: .getAccountAuthorizationDetails, subject: item.accountId, region: nil, source: item.source, payload: payload))
        return snapshot
    }

    static let listKeys = [
        "AWS::IAM::User": "UserDetailList", "AWS::IAM::Group": "GroupDetailList",
        "AWS::IAM::Role": "RoleDetailList", "AWS::IAM::Policy": "Policies",
    ]

    /// Keys whose value is a policy document, passed through as they are.
    static let documentKeys: Set<String> = ["policyDocument", "assumeRolePolicyDocument", "document"]

    /// Any JSON value: an IAM Config item is small, and its shape is only renamed, not read.
    indirect enum ConfigJSON: Codable {
        enum Problem: Error { case message(String) }

        case null, bool(Bool), number(Double), string(String), array([ConfigJSON]), object([String: ConfigJSON])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode([ConfigJSON].self) { self = .array(value) }
            else { self = .object(try container.decode([String: ConfigJSON].self)) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case let .bool(value): try container.encode(value)
            case let .number(value): try container.encode(value)
            case let .string(value): try container.encode(value)
            case let .array(value): try container.encode(value)
            case let .object(value): try container.encode(value)
            }
        }

        /// camelCase keys → PascalCase (`userName` → `UserName`), not inside policy documents.
        func renamed() -> ConfigJSON {
            switch self {
            case let .array(items): return .array(items.map { $0.renamed() })
            case let .object(members):
                var renamed: [String: ConfigJSON] = [:]
                for (key, value) in members {
                    let pascal = key.prefix(1).uppercased() + key.dropFirst()
                    renamed[pascal] = AWSConfigIAM.documentKeys.contains(key) ? value : value.renamed()
                }
                return .object(renamed)
            default: return self
            }
        }
    }
}
