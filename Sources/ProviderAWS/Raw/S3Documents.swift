import Foundation

/// The S3 API answers as the AWS CLI prints them (botocore's shape member names), sparse:
/// only the members posture reads, all optional where AWS may leave them out. A member of
/// the wrong type fails decoding, which names the file and JSON path. Encodable too: AWS Config
/// items are turned into these same answers.
enum S3Raw {
    /// `s3api list-buckets`.
    struct ListBuckets: Codable, Sendable {
        struct Entry: Codable, Sendable {
            var Name: String
            var CreationDate: Date?
            /// Newer API versions name the bucket's region in the listing.
            var BucketRegion: String?
        }
        var Buckets: [Entry]?
    }

    /// `s3api get-bucket-location`: null (or empty) means us-east-1, `EU` means eu-west-1.
    struct Location: Codable, Sendable {
        var LocationConstraint: String?

        /// The bucket's region in S3's legacy naming: null or empty is us-east-1, `EU` is eu-west-1.
        var region: String {
            switch LocationConstraint {
            case nil, "": "us-east-1"
            case "EU": "eu-west-1"
            case let region?: region
            }
        }
    }

    /// `s3api get-bucket-encryption`.
    struct Encryption: Codable, Sendable {
        struct Configuration: Codable, Sendable {
            var Rules: [Rule]?
        }
        struct Rule: Codable, Sendable {
            var ApplyServerSideEncryptionByDefault: Default?
            var BucketKeyEnabled: Bool?
        }
        struct Default: Codable, Sendable {
            var SSEAlgorithm: String?
            var KMSMasterKeyID: String?
        }
        var ServerSideEncryptionConfiguration: Configuration?
    }

    /// `s3api get-public-access-block` and `s3control get-public-access-block`. A switch AWS
    /// leaves out is off.
    struct PublicAccessBlock: Codable, Sendable {
        struct Configuration: Codable, Sendable {
            var BlockPublicAcls: Bool?
            var IgnorePublicAcls: Bool?
            var BlockPublicPolicy: Bool?
            var RestrictPublicBuckets: Bool?
        }
        var PublicAccessBlockConfiguration: Configuration?
    }

    /// `s3api get-bucket-policy`: the policy document as a JSON string.
    struct Policy: Codable, Sendable {
        var Policy: String?
    }

    /// `s3api get-bucket-policy-status` (moto answers `{}`).
    struct PolicyStatus: Codable, Sendable {
        struct Status: Codable, Sendable {
            var IsPublic: Bool?
        }
        var PolicyStatus: Status?
    }

    /// `s3api get-bucket-acl`.
    struct Acl: Codable, Sendable {
        struct Grant: Codable, Sendable {
            var Grantee: Grantee?
            var Permission: String?
        }
        struct Grantee: Codable, Sendable {
            var `Type`: String?
            var ID: String?
            var URI: String?
            var EmailAddress: String?
        }
        var Grants: [Grant]?
    }

    /// `s3api get-bucket-logging`: `{}` when logging is off.
    struct Logging: Codable, Sendable {
        struct Enabled: Codable, Sendable {
            var TargetBucket: String?
            var TargetPrefix: String?
        }
        var LoggingEnabled: Enabled?
    }

    /// `s3api get-bucket-versioning`: `{}` when versioning was never enabled.
    struct Versioning: Codable, Sendable {
        var Status: String?
        var MFADelete: String?
    }

    /// `s3api get-bucket-tagging`.
    struct Tagging: Codable, Sendable {
        struct Tag: Codable, Sendable {
            var Key: String
            var Value: String?
        }
        var TagSet: [Tag]?
    }
}
