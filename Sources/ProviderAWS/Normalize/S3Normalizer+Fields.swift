import Foundation
import Model

/// Turns one bucket's API answers into model fields. Each returns nil when the field stays
/// unknown: an answer that failed (already recorded as a collection error naming the bucket).
struct S3BucketFields {
    let bucket: String
    let account: String

    private func read<T: Decodable>(_ document: SnapshotDocument, _ type: T.Type, _ context: inout NormalizationContext) -> S3Normalizer.Answer<T> {
        S3Normalizer.read(document, type, bucket: bucket, account: account, context: &context)
    }

    private func fail(_ document: SnapshotDocument, _ message: String, _ context: inout NormalizationContext) {
        let error = SnapshotError(source: document.source, call: document.call, region: document.region, message: message)
        S3Normalizer.fail(error, bucket: bucket, account: account, context: &context)
    }

    /// The bucket's region from `LocationConstraint` (S3's legacy names mapped).
    func region(_ document: SnapshotDocument, _ context: inout NormalizationContext) -> String? {
        guard case let .value(answer) = read(document, S3Raw.Location.self, &context) else { return nil }
        return answer.region
    }

    /// Enabled when a rule names a default algorithm; `ServerSideEncryptionConfigurationNotFoundError`
    /// (or rules without one) is "not enabled". The S3 Bucket Key switch goes to the AWS section.
    func encryption(_ document: SnapshotDocument, _ context: inout NormalizationContext) -> (BucketEncryption, bucketKey: Bool?)? {
        switch read(document, S3Raw.Encryption.self, &context) {
        case .failed: return nil
        case .absent: return (BucketEncryption(enabled: false), nil)
        case let .value(answer):
            let rules = answer.ServerSideEncryptionConfiguration?.Rules ?? []
            guard let rule = rules.first(where: { $0.ApplyServerSideEncryptionByDefault?.SSEAlgorithm != nil }),
                  let byDefault = rule.ApplyServerSideEncryptionByDefault else {
                return (BucketEncryption(enabled: false), rules.first?.BucketKeyEnabled)
            }
            return (BucketEncryption(enabled: true, algorithm: byDefault.SSEAlgorithm, key: byDefault.KMSMasterKeyID), rule.BucketKeyEnabled)
        }
    }

    /// The bucket-level block; nil both when none is set and when the answer failed (the
    /// failure is recorded, so the two are told apart by the scan's completeness).
    func publicAccessBlock(_ document: SnapshotDocument, _ context: inout NormalizationContext) -> PublicAccessBlockSettings? {
        guard case let .value(answer) = read(document, S3Raw.PublicAccessBlock.self, &context) else { return nil }
        return answer.PublicAccessBlockConfiguration.map(Self.settings)
    }

    static func settings(_ raw: S3Raw.PublicAccessBlock.Configuration) -> PublicAccessBlockSettings {
        PublicAccessBlockSettings(blockPublicAcls: raw.BlockPublicAcls ?? false, ignorePublicAcls: raw.IgnorePublicAcls ?? false,
                                  blockPublicPolicy: raw.BlockPublicPolicy ?? false, restrictPublicBuckets: raw.RestrictPublicBuckets ?? false)
    }

    /// `{"Policy": "<JSON>"}` parsed by the shared policy parser; `NoSuchBucketPolicy` is none.
    func policy(_ document: SnapshotDocument, _ context: inout NormalizationContext) -> PolicyDocument? {
        guard case let .value(answer) = read(document, S3Raw.Policy.self, &context), let text = answer.Policy else { return nil }
        do throws(SnapshotError) {
            return try PolicyDocumentParser.parse(text, source: document.source)
        } catch {
            fail(document, "$.Policy: \(error.message)", &context)
            return nil
        }
    }

    func policyStatus(_ document: SnapshotDocument, _ context: inout NormalizationContext) -> Bool? {
        guard case let .value(answer) = read(document, S3Raw.PolicyStatus.self, &context) else { return nil }
        return answer.PolicyStatus?.IsPublic
    }

    /// Grants as `(type, grantee, permission)`; the grantee is the group URI, e-mail or canonical id.
    func acl(_ document: SnapshotDocument, _ context: inout NormalizationContext) -> [ACLGrant]? {
        guard case let .value(answer) = read(document, S3Raw.Acl.self, &context) else { return nil }
        return (answer.Grants ?? []).map { grant in
            let grantee = grant.Grantee
            let type = grantee?.Type
                ?? (grantee?.URI != nil ? "Group" : grantee?.EmailAddress != nil ? "AmazonCustomerByEmail" : "CanonicalUser")
            let identity: String? = switch type {
            case "Group": grantee?.URI
            case "AmazonCustomerByEmail": grantee?.EmailAddress
            default: grantee?.ID
            }
            return ACLGrant(granteeType: type, grantee: identity ?? grantee?.URI ?? grantee?.ID ?? "", permission: grant.Permission ?? "")
        }
    }

    /// `{}` is logging off.
    func logging(_ document: SnapshotDocument, _ context: inout NormalizationContext) -> BucketLogging? {
        guard case let .value(answer) = read(document, S3Raw.Logging.self, &context) else { return nil }
        guard let enabled = answer.LoggingEnabled else { return BucketLogging(enabled: false) }
        return BucketLogging(enabled: true, targetBucket: enabled.TargetBucket, targetPrefix: enabled.TargetPrefix)
    }

    /// `{}` is "never enabled" (disabled); `Status` Enabled or Suspended; `MFADelete` Enabled
    /// (for the AWS section).
    func versioning(_ document: SnapshotDocument, _ context: inout NormalizationContext) -> (BucketVersioning, mfaDelete: Bool)? {
        guard case let .value(answer) = read(document, S3Raw.Versioning.self, &context) else { return nil }
        let status: BucketVersioning.Status
        switch answer.Status {
        case nil, "": status = .disabled
        case "Enabled": status = .enabled
        case "Suspended": status = .suspended
        case let other?:
            fail(document, "$.Status: expected Enabled or Suspended, found '\(other)'", &context)
            return nil
        }
        return (BucketVersioning(status: status), answer.MFADelete == "Enabled")
    }

    /// `NoSuchTagSet` is no tags.
    func tags(_ document: SnapshotDocument, _ context: inout NormalizationContext) -> [String: String]? {
        switch read(document, S3Raw.Tagging.self, &context) {
        case .failed: return nil
        case .absent: return [:]
        case let .value(answer):
            return Dictionary((answer.TagSet ?? []).map { ($0.Key, $0.Value ?? "") }, uniquingKeysWith: { _, last in last })
        }
    }
}
