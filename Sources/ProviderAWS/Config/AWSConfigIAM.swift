import Foundation
import SourceText

/// AWS Config items of the IAM domain as API answers: each `AWS::IAM::User|Group|Role|Policy`
/// item becomes a one-entity `get-account-authorization-details` document, so that the one
/// IAM normalizer (which merges any number of such documents) serves Config input too.
///
/// A Config item's `configuration` is the authorization-details entity in camelCase
/// (`userName`, `attachedManagedPolicies`, `userPolicyList[].policyDocument` as a URL-encoded
/// string, `policyVersionList[].document`, …): every key is renamed to the CLI's PascalCase
/// and the values pass through unchanged into the same lossy decoding as an export's, so a
/// wrong type is still reported by the normalizer with its JSON path. Policy documents are
/// passed through untouched (their own keys are already IAM's, and condition keys such as
/// `aws:SourceIp` must keep their case).
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
        if var entity = item.configuration?.recased(upper: true, keeping: documentKeys) {
            if case var .object(members) = entity, !members.contains(where: { $0.key == "Arn" }), let arn = item.arn {
                members.append(JSONMember("Arn", .string(arn)))
                entity = .object(members)
            }
            // Decoded as an export's authorization details are: a wrong type inside the entity
            // stays with it (IAMLossy) for the normalizer to report with its JSON path.
            do throws(JSONText.Failure) {
                payload = .value(try JSONText.decode(IAMAuthorizationDetails.self, from: .object([JSONMember(listKey, .array([entity]))])))
            } catch {
                // Still an IAM answer, so the normalizer charges the failure to the item's account.
                payload = .error(code: "InvalidConfigurationItem", message: "configuration: \(error.message)")
            }
        } else {
            payload = .error(code: "InvalidConfigurationItem", message: "configuration: the item has no configuration")
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
}
