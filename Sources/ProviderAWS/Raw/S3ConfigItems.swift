import Foundation

/// The S3 parts of AWS Config items, as AWS Config writes them (camelCase, the AWS Java SDK's
/// names): an `AWS::S3::Bucket` item's `configuration` and `supplementaryConfiguration`
/// values, and an `AWS::S3::AccountPublicAccessBlock` item's `configuration`. Sparse and
/// optional like the API answers; Config writes `null` for much of what is unset.
enum S3ConfigRaw {
    struct Owner: Decodable, Sendable {
        var id: String?
        var displayName: String?
    }

    /// `configuration` of a bucket item.
    struct Bucket: Decodable, Sendable {
        var name: String?
        var owner: Owner?
        var creationDate: Date?
    }

    /// `AccessControlList` (AWS Config stores it as JSON inside a string, sometimes twice).
    struct AccessControlList: Decodable, Sendable {
        var grantList: [Grant]?
        var grantSet: [Grant]?
        var owner: Owner?
    }

    /// `permission` is `FullControl`, `Read`, `Write`, `ReadAcp` or `WriteAcp`.
    struct Grant: Decodable, Sendable {
        var grantee: Grantee?
        var permission: String?
    }

    /// A group by name (`"AllUsers"`), or a canonical user `{id, displayName}`, or an
    /// e-mail grantee `{identifier, typeIdentifier: "emailAddress"}`.
    enum Grantee: Decodable, Sendable {
        case group(String)
        case user(id: String?, email: String?)

        private struct Object: Decodable {
            var id: String?
            var identifier: String?
            var typeIdentifier: String?
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let name = try? container.decode(String.self) {
                self = .group(name)
                return
            }
            let object = try container.decode(Object.self)
            if object.typeIdentifier == "emailAddress" {
                self = .user(id: nil, email: object.identifier)
            } else {
                self = .user(id: object.id ?? object.identifier, email: nil)
            }
        }
    }

    /// `BucketPolicy`: `policyText` null when the bucket has none.
    struct BucketPolicy: Decodable, Sendable {
        var policyText: String?
    }

    /// `BucketLoggingConfiguration`: `destinationBucketName` null when logging is off.
    struct Logging: Decodable, Sendable {
        var destinationBucketName: String?
        var logFilePrefix: String?
    }

    /// `BucketVersioningConfiguration`: `status` Off, Enabled or Suspended;
    /// `isMfaDeleteEnabled` a boolean, a string, or null.
    struct Versioning: Decodable, Sendable {
        var status: String?
        var isMfaDeleteEnabled: Bool?

        private enum CodingKeys: String, CodingKey { case status, isMfaDeleteEnabled }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            status = try container.decodeIfPresent(String.self, forKey: .status)
            if let flag = try? container.decodeIfPresent(Bool.self, forKey: .isMfaDeleteEnabled) {
                isMfaDeleteEnabled = flag
            } else if let text = try container.decodeIfPresent(String.self, forKey: .isMfaDeleteEnabled) {
                isMfaDeleteEnabled = ["true", "enabled"].contains(text.lowercased())
            } else {
                isMfaDeleteEnabled = nil
            }
        }
    }

    /// `BucketTaggingConfiguration`: `{"tagSets": [{"tags": {...}}]}`.
    struct Tagging: Decodable, Sendable {
        struct TagSet: Decodable, Sendable {
            var tags: [String: String]?
        }
        var tagSets: [TagSet]?
    }

    /// `ServerSideEncryptionConfiguration`.
    struct Encryption: Decodable, Sendable {
        struct Rule: Decodable, Sendable {
            var applyServerSideEncryptionByDefault: Default?
            var bucketKeyEnabled: Bool?
        }
        struct Default: Decodable, Sendable {
            var sseAlgorithm: String?
            var kmsMasterKeyID: String?
        }
        var rules: [Rule]?
    }

    /// `PublicAccessBlockConfiguration` of a bucket, or the `configuration` of an
    /// `AWS::S3::AccountPublicAccessBlock` item; camelCase as Config writes it, PascalCase
    /// accepted too.
    struct PublicAccessBlock: Decodable, Sendable {
        var blockPublicAcls: Bool?
        var ignorePublicAcls: Bool?
        var blockPublicPolicy: Bool?
        var restrictPublicBuckets: Bool?

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue _: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            func flag(_ name: String) throws -> Bool? {
                let pascal = name.prefix(1).uppercased() + name.dropFirst()
                return try container.decodeIfPresent(Bool.self, forKey: Key(stringValue: name))
                    ?? container.decodeIfPresent(Bool.self, forKey: Key(stringValue: pascal))
            }
            blockPublicAcls = try flag("blockPublicAcls")
            ignorePublicAcls = try flag("ignorePublicAcls")
            blockPublicPolicy = try flag("blockPublicPolicy")
            restrictPublicBuckets = try flag("restrictPublicBuckets")
        }
    }
}
