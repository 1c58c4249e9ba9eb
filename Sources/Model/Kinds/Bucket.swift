import Foundation

/// An object-storage bucket (S3 bucket, GCS bucket, Azure storage container).
public struct Bucket: Resource {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    public static let kind = ResourceKind.bucket

    /// provider-unique id: the ARN where one exists
    public var id: String
    /// display name
    public var name: String
    /// the cloud
    public var provider: ProviderID
    /// account, project or subscription id
    public var account: String
    /// region, for regional resources
    public var region: String?
    /// where the data came from
    public var source: ResourceSource

    /// creation time
    public var created: Date?
    /// default encryption; absent when unknown
    public var encryption: BucketEncryption?
    /// server access logging; absent when unknown
    public var logging: BucketLogging?
    /// versioning; absent when unknown
    public var versioning: BucketVersioning?
    /// derived: publicly readable or writable after public access blocks
    /// Whether anyone on the internet can read or write, after every provider control that
    /// blocks public access.
    public var `public`: Bool = false
    /// why the bucket is public
    /// Empty when `public` is false.
    public var publicReasons: [String]
    /// who may act on the bucket (policy statements, ACL entries, bindings)
    public var grants: [AccessGrant]
    /// tags
    public var tags: [String: String]
    /// per-bucket settings the input held (encryption, publicAccessBlock, policy, acl, logging, versioning, tags)
    public var collected: [String]
    /// Provider sections (`bucket.aws`).
    public var sections: ResourceSections
}

/// A bucket's default encryption.
public struct BucketEncryption: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    /// default encryption configured
    public var enabled: Bool
    /// AES256, aws:kms, aws:kms:dsse
    /// The algorithm as the provider names it.
    public var algorithm: String?
    /// KMS key id or ARN
    public var key: String?
    /// who manages the key: provider (SSE-S3, aws/s3) or customer; absent when unknown
    public var keyManager: EncryptionKey.Manager?
}

/// A bucket's server access logging.
public struct BucketLogging: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    /// server access logging on
    public var enabled: Bool
    /// where logs go
    public var targetBucket: String?
    /// log object prefix
    public var targetPrefix: String?
}

/// A bucket's object versioning.
public struct BucketVersioning: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    public enum Status: String, Codable, Sendable, Hashable, CaseIterable { case enabled, suspended, disabled }

    /// enabled, suspended or disabled (never enabled)
    public var status: Status
}
