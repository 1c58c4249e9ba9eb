import Foundation
import SourceText

/// An `AWS::S3::Bucket` item's `supplementaryConfiguration` restated as the per-bucket API
/// answers (`get-bucket-acl`, `-policy`, `-encryption`, `get-public-access-block`,
/// `-logging`, `-versioning`, `-tagging`), each only where the item holds the value.
struct S3ConfigSupplement {
    let item: ConfigurationItem
    let bucket: String

    /// One answer per supplementary value held. A value of the wrong shape becomes an error
    /// answer for its call, so that the normalizer records it against this bucket and account.
    func documents() -> [SnapshotDocument] {
        var documents: [SnapshotDocument] = []
        func add(_ key: String, _ call: AWSCall, _ make: (JSONValue) throws(SnapshotError) -> SnapshotDocument?) {
            guard let json = item.supplementaryConfiguration[key] else { return }
            do throws(SnapshotError) {
                if let document = try make(json) { documents.append(document) }
            } catch {
                documents.append(AWSConfigS3.invalid(call, error, item, subject: bucket, key: "supplementaryConfiguration.\(key)"))
            }
        }
        add("AccessControlList", .getBucketAcl, acl)
        add("BucketPolicy", .getBucketPolicy, policy)
        add("ServerSideEncryptionConfiguration", .getBucketEncryption, encryption)
        add("PublicAccessBlockConfiguration", .getPublicAccessBlock, publicAccessBlock)
        add("BucketLoggingConfiguration", .getBucketLogging, logging)
        add("BucketVersioningConfiguration", .getBucketVersioning, versioning)
        add("BucketTaggingConfiguration", .getBucketTagging, tagging)
        return documents
    }

    private func decode<T: Decodable>(_ type: T.Type, _ json: JSONValue, _ key: String) throws(SnapshotError) -> T? {
        try AWSConfigS3.decode(type, json, item, "supplementaryConfiguration.\(key)")
    }

    private func answer<T: Sendable>(_ call: AWSCall, _ body: T, _ key: String) -> SnapshotDocument {
        AWSConfigS3.answer(call, body, item, subject: bucket, key: "supplementaryConfiguration.\(key)")
    }

    /// Config's permission names → the API's.
    static let permissions = ["FullControl": "FULL_CONTROL", "Read": "READ", "Write": "WRITE", "ReadAcp": "READ_ACP", "WriteAcp": "WRITE_ACP"]

    /// Config's group names → the API's group URIs.
    static let groups = [
        "AllUsers": "http://acs.amazonaws.com/groups/global/AllUsers",
        "AuthenticatedUsers": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
        "LogDelivery": "http://acs.amazonaws.com/groups/s3/LogDelivery",
    ]

    private func acl(_ json: JSONValue) throws(SnapshotError) -> SnapshotDocument? {
        guard let list = try decode(S3ConfigRaw.AccessControlList.self, json, "AccessControlList") else { return nil }
        let grants = (list.grantList ?? []) + (list.grantSet ?? [])
        let converted = grants.map { grant in
            let grantee: S3Raw.Acl.Grantee
            switch grant.grantee {
            case let .group(name)?:
                // An unknown name is kept as given, so that it shows rather than vanishes.
                grantee = S3Raw.Acl.Grantee(Type: "Group", URI: Self.groups[name] ?? name)
            case let .user(_, email?)?:
                grantee = S3Raw.Acl.Grantee(Type: "AmazonCustomerByEmail", EmailAddress: email)
            case let .user(id, nil)?:
                grantee = S3Raw.Acl.Grantee(Type: "CanonicalUser", ID: id)
            case nil:
                grantee = S3Raw.Acl.Grantee()
            }
            let permission = grant.permission.map { Self.permissions[$0] ?? $0.uppercased() }
            return S3Raw.Acl.Grant(Grantee: grantee, Permission: permission)
        }
        return answer(.getBucketAcl, S3Raw.Acl(Grants: converted), "AccessControlList")
    }

    private func policy(_ json: JSONValue) throws(SnapshotError) -> SnapshotDocument? {
        let policy = try decode(S3ConfigRaw.BucketPolicy.self, json, "BucketPolicy")
        guard let text = policy?.policyText else {
            return AWSConfigS3.absent(.getBucketPolicy, "NoSuchBucketPolicy", item, subject: bucket, key: "supplementaryConfiguration.BucketPolicy")
        }
        return answer(.getBucketPolicy, S3Raw.Policy(Policy: text), "BucketPolicy")
    }

    private func encryption(_ json: JSONValue) throws(SnapshotError) -> SnapshotDocument? {
        let rules = try decode(S3ConfigRaw.Encryption.self, json, "ServerSideEncryptionConfiguration")?.rules ?? []
        guard !rules.isEmpty else {
            return AWSConfigS3.absent(.getBucketEncryption, "ServerSideEncryptionConfigurationNotFoundError", item, subject: bucket,
                                      key: "supplementaryConfiguration.ServerSideEncryptionConfiguration")
        }
        let converted = rules.map { rule in
            S3Raw.Encryption.Rule(
                ApplyServerSideEncryptionByDefault: rule.applyServerSideEncryptionByDefault.map {
                    S3Raw.Encryption.Default(SSEAlgorithm: $0.sseAlgorithm, KMSMasterKeyID: $0.kmsMasterKeyID)
                },
                BucketKeyEnabled: rule.bucketKeyEnabled)
        }
        let body = S3Raw.Encryption(ServerSideEncryptionConfiguration: .init(Rules: converted))
        return answer(.getBucketEncryption, body, "ServerSideEncryptionConfiguration")
    }

    private func publicAccessBlock(_ json: JSONValue) throws(SnapshotError) -> SnapshotDocument? {
        guard let block = try decode(S3ConfigRaw.PublicAccessBlock.self, json, "PublicAccessBlockConfiguration") else { return nil }
        let body = S3Raw.PublicAccessBlock(PublicAccessBlockConfiguration: AWSConfigS3.blockConfiguration(block))
        return answer(.getPublicAccessBlock, body, "PublicAccessBlockConfiguration")
    }

    /// A null destination is logging off: the CLI's `{}`.
    private func logging(_ json: JSONValue) throws(SnapshotError) -> SnapshotDocument? {
        let logging = try decode(S3ConfigRaw.Logging.self, json, "BucketLoggingConfiguration")
        let enabled = logging?.destinationBucketName.map { S3Raw.Logging.Enabled(TargetBucket: $0, TargetPrefix: logging?.logFilePrefix ?? "") }
        return answer(.getBucketLogging, S3Raw.Logging(LoggingEnabled: enabled), "BucketLoggingConfiguration")
    }

    /// Config says `Off` for never enabled: the CLI's `{}`.
    private func versioning(_ json: JSONValue) throws(SnapshotError) -> SnapshotDocument? {
        let versioning = try decode(S3ConfigRaw.Versioning.self, json, "BucketVersioningConfiguration")
        let status = versioning?.status == "Off" ? nil : versioning?.status
        let mfaDelete = versioning?.isMfaDeleteEnabled.map { $0 ? "Enabled" : "Disabled" }
        return answer(.getBucketVersioning, S3Raw.Versioning(Status: status, MFADelete: mfaDelete), "BucketVersioningConfiguration")
    }

    private func tagging(_ json: JSONValue) throws(SnapshotError) -> SnapshotDocument? {
        let sets = try decode(S3ConfigRaw.Tagging.self, json, "BucketTaggingConfiguration")?.tagSets ?? []
        let tags = sets.flatMap { ($0.tags ?? [:]).sorted { $0.key < $1.key } }.map { S3Raw.Tagging.Tag(Key: $0.key, Value: $0.value) }
        return answer(.getBucketTagging, S3Raw.Tagging(TagSet: tags), "BucketTaggingConfiguration")
    }
}
