import Foundation

/// An object-storage bucket (S3 bucket, GCS bucket, Azure storage container).
public struct Bucket: Resource, Hashable {
    public static let kind = ResourceKind.bucket
    public var id: String
    public var name: String
    public var provider: Provider
    public var account: String
    public var region: String?
    public var source: ResourceSource

    public var created: Date?
    /// Default encryption; absent when the input does not say.
    public var encryption: BucketEncryption?
    public var publicAccessBlock: PublicAccessBlockSettings?
    /// The account-level block that also applies to this bucket.
    public var accountPublicAccessBlock: PublicAccessBlockSettings?
    public var policy: PolicyDocument?
    public var acl: [Grant]
    public var logging: BucketLogging?
    public var versioning: BucketVersioning?
    /// Derived: whether anyone on the internet can read or write, after public access blocks.
    public var `public`: Bool
    /// Why `public` is true (empty when it is false).
    public var publicReasons: [String]
    public var tags: [String: String]
    /// The per-bucket settings the input held and could read (`encryption`, `publicAccessBlock`,
    /// `policy`, `acl`, `logging`, `versioning`, `tags`). A setting not listed is unknown, even
    /// when its field is empty: policies name what they need with `requires: [bucket.policy]`.
    public var collected: [String]

    public init(
        id: String, name: String, provider: Provider, account: String, region: String? = nil,
        source: ResourceSource, created: Date? = nil, encryption: BucketEncryption? = nil,
        publicAccessBlock: PublicAccessBlockSettings? = nil, accountPublicAccessBlock: PublicAccessBlockSettings? = nil,
        policy: PolicyDocument? = nil, acl: [Grant] = [], logging: BucketLogging? = nil,
        versioning: BucketVersioning? = nil, public: Bool = false, publicReasons: [String] = [], tags: [String: String] = [:],
        collected: [String] = []
    ) {
        self.id = id
        self.name = name
        self.provider = provider
        self.account = account
        self.region = region
        self.source = source
        self.created = created
        self.encryption = encryption
        self.publicAccessBlock = publicAccessBlock
        self.accountPublicAccessBlock = accountPublicAccessBlock
        self.policy = policy
        self.acl = acl
        self.logging = logging
        self.versioning = versioning
        self.public = `public`
        self.publicReasons = publicReasons
        self.tags = tags
        self.collected = collected
    }

    public var collectedSettings: [String] { collected }

    /// The per-bucket settings `collected` may name.
    public static let settings = ["encryption", "publicAccessBlock", "policy", "acl", "logging", "versioning", "tags"]

    public static let schema = ObjectSchema("bucket", CommonFields.all + [
        FieldSchema("created", .timestamp, optional: true, "creation time"),
        FieldSchema("encryption", .object(BucketEncryption.self), optional: true, "default encryption; absent when unknown"),
        FieldSchema("publicAccessBlock", .object(PublicAccessBlockSettings.self), optional: true, "bucket-level block; absent when none is set"),
        FieldSchema("accountPublicAccessBlock", .object(PublicAccessBlockSettings.self), optional: true, "account-level block; absent when none is set"),
        FieldSchema("policy", .object(PolicyDocument.self), optional: true, "bucket policy; absent when none"),
        FieldSchema("acl", .list(.object(Grant.self)), "ACL grants"),
        FieldSchema("logging", .object(BucketLogging.self), optional: true, "server access logging; absent when unknown"),
        FieldSchema("versioning", .object(BucketVersioning.self), optional: true, "versioning; absent when unknown"),
        FieldSchema("public", .bool, "derived: publicly readable or writable after public access blocks"),
        FieldSchema("publicReasons", .list(.string), "why the bucket is public"),
        FieldSchema("tags", .map(.string), "tags"),
        FieldSchema("collected", .list(.string), "per-bucket settings the input held (encryption, publicAccessBlock, policy, acl, logging, versioning, tags)"),
    ])
}

public struct BucketEncryption: Codable, Sendable, Hashable, SchemaDescribing {
    public var enabled: Bool
    /// e.g. `AES256`, `aws:kms`, `aws:kms:dsse`.
    public var algorithm: String?
    public var key: String?
    public var bucketKeyEnabled: Bool?

    public init(enabled: Bool, algorithm: String? = nil, key: String? = nil, bucketKeyEnabled: Bool? = nil) {
        self.enabled = enabled
        self.algorithm = algorithm
        self.key = key
        self.bucketKeyEnabled = bucketKeyEnabled
    }

    public static let schema = ObjectSchema("bucketEncryption", [
        FieldSchema("enabled", .bool, "default encryption configured"),
        FieldSchema("algorithm", .string, optional: true, "AES256, aws:kms, aws:kms:dsse"),
        FieldSchema("key", .string, optional: true, "KMS key id or ARN"),
        FieldSchema("bucketKeyEnabled", .bool, optional: true, "S3 Bucket Key enabled"),
    ])
}

/// The four switches of an S3 public access block (bucket or account level).
public struct PublicAccessBlockSettings: Codable, Sendable, Hashable, SchemaDescribing {
    public var blockPublicAcls: Bool
    public var ignorePublicAcls: Bool
    public var blockPublicPolicy: Bool
    public var restrictPublicBuckets: Bool

    public init(blockPublicAcls: Bool, ignorePublicAcls: Bool, blockPublicPolicy: Bool, restrictPublicBuckets: Bool) {
        self.blockPublicAcls = blockPublicAcls
        self.ignorePublicAcls = ignorePublicAcls
        self.blockPublicPolicy = blockPublicPolicy
        self.restrictPublicBuckets = restrictPublicBuckets
    }

    /// All four switches on.
    public var blocksAll: Bool { blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets }

    public static let schema = ObjectSchema("publicAccessBlock", [
        FieldSchema("blockPublicAcls", .bool, "reject new public ACLs"),
        FieldSchema("ignorePublicAcls", .bool, "ignore existing public ACLs"),
        FieldSchema("blockPublicPolicy", .bool, "reject public bucket policies"),
        FieldSchema("restrictPublicBuckets", .bool, "restrict access to buckets with public policies"),
    ])
}

/// One ACL grant.
public struct Grant: Codable, Sendable, Hashable, SchemaDescribing {
    /// `CanonicalUser`, `Group`, `AmazonCustomerByEmail`.
    public var granteeType: String
    /// Canonical id, group URI or e-mail address.
    public var grantee: String
    /// `FULL_CONTROL`, `READ`, `WRITE`, `READ_ACP`, `WRITE_ACP`.
    public var permission: String

    public init(granteeType: String, grantee: String, permission: String) {
        self.granteeType = granteeType
        self.grantee = grantee
        self.permission = permission
    }

    public static let schema = ObjectSchema("grant", [
        FieldSchema("granteeType", .string, "CanonicalUser, Group or AmazonCustomerByEmail"),
        FieldSchema("grantee", .string, "canonical id, group URI or e-mail"),
        FieldSchema("permission", .string, "FULL_CONTROL, READ, WRITE, READ_ACP or WRITE_ACP"),
    ])
}

public struct BucketLogging: Codable, Sendable, Hashable, SchemaDescribing {
    public var enabled: Bool
    public var targetBucket: String?
    public var targetPrefix: String?

    public init(enabled: Bool, targetBucket: String? = nil, targetPrefix: String? = nil) {
        self.enabled = enabled
        self.targetBucket = targetBucket
        self.targetPrefix = targetPrefix
    }

    public static let schema = ObjectSchema("bucketLogging", [
        FieldSchema("enabled", .bool, "server access logging on"),
        FieldSchema("targetBucket", .string, optional: true, "where logs go"),
        FieldSchema("targetPrefix", .string, optional: true, "log object prefix"),
    ])
}

public struct BucketVersioning: Codable, Sendable, Hashable, SchemaDescribing {
    public enum Status: String, Codable, Sendable, Hashable, CaseIterable { case enabled, suspended, disabled }
    public var status: Status
    public var mfaDelete: Bool

    public init(status: Status, mfaDelete: Bool) {
        self.status = status
        self.mfaDelete = mfaDelete
    }

    public static let schema = ObjectSchema("bucketVersioning", [
        FieldSchema("status", .enumeration(Status.allCases.map(\.rawValue)), "enabled, suspended or disabled (never enabled)"),
        FieldSchema("mfaDelete", .bool, "MFA delete enabled"),
    ])
}
