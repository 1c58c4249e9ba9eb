/// What only AWS knows about a bucket: its public access blocks, bucket policy and ACL, and
/// the S3-specific switches of its encryption and versioning.
public struct AWSBucket: ResourceSection {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    public static let kind = ResourceKind.bucket
    public static let provider = ProviderID.aws
    /// The per-bucket settings `collected` may name for an S3 bucket.
    public static let settings = ["encryption", "publicAccessBlock", "policy", "acl", "logging", "versioning", "tags"]

    /// bucket-level block; absent when none is set
    public var publicAccessBlock: PublicAccessBlockSettings?
    /// account-level block; absent when none is set
    /// The account's S3 public access block, which applies to this bucket too.
    public var accountPublicAccessBlock: PublicAccessBlockSettings?
    /// bucket policy; absent when none
    public var policy: PolicyDocument?
    /// ACL grants
    public var acl: [ACLGrant]
    /// S3 Bucket Key enabled
    /// Absent when encryption is unknown or says nothing.
    public var bucketKeyEnabled: Bool?
    /// MFA delete enabled
    /// Absent when versioning is unknown.
    public var mfaDelete: Bool?
}

/// The four switches of an S3 public access block (bucket or account level).
public struct PublicAccessBlockSettings: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    // model: schema publicAccessBlock
    /// reject new public ACLs
    public var blockPublicAcls: Bool
    /// ignore existing public ACLs
    public var ignorePublicAcls: Bool
    /// reject public bucket policies
    public var blockPublicPolicy: Bool
    /// restrict access to buckets with public policies
    public var restrictPublicBuckets: Bool

    /// All four switches on.
    public var blocksAll: Bool { blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets }
}

/// One S3 ACL grant.
public struct ACLGrant: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    // model: schema grant
    /// CanonicalUser, Group or AmazonCustomerByEmail
    public var granteeType: String
    /// canonical id, group URI or e-mail
    public var grantee: String
    /// FULL_CONTROL, READ, WRITE, READ_ACP or WRITE_ACP
    public var permission: String
}

extension Bucket {
    /// The AWS section; reading it from a resource without one gives an empty section.
    public var aws: AWSBucket {
        get { sections[AWSBucket.self] ?? AWSBucket() }
        set { sections[AWSBucket.self] = newValue }
    }
}
