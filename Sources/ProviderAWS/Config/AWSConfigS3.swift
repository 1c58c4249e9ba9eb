import Foundation
import SourceText

/// AWS Config items of the S3 domain turned into the API answers a bundle holds, so that the
/// S3 normalizer reads both alike: an `AWS::S3::Bucket` item becomes a one-bucket
/// `list-buckets` answer plus `get-bucket-location`, `-acl`, `-policy`, `-encryption`,
/// `get-public-access-block`, `-logging`, `-versioning` and `-tagging` answers for the
/// supplementary configuration it holds (subject = bucket name, region = the item's region,
/// account = the item's account); an `AWS::S3::AccountPublicAccessBlock` item becomes the
/// `s3control get-public-access-block` answer. A supplementary value the item lacks gives no
/// answer (unknown), never a default.
enum AWSConfigS3 {
    static func documents(for item: ConfigurationItem) -> RawSnapshot {
        var snapshot = RawSnapshot()
        if let status = item.status, status.hasPrefix("ResourceDeleted") || status == "ResourceNotRecorded" {
            snapshot.ignored.append("\(item.source): \(item.resourceType) item with status \(status) describes no current resource")
            return snapshot
        }
        if item.resourceType == "AWS::S3::AccountPublicAccessBlock" {
            snapshot.documents.append(accountBlock(item))
        } else {
            snapshot.documents += bucket(item)
        }
        return snapshot
    }

    private static func accountBlock(_ item: ConfigurationItem) -> SnapshotDocument {
        do throws(SnapshotError) {
            guard let block = try decode(S3ConfigRaw.PublicAccessBlock.self, item.configuration, item, "configuration") else {
                throw SnapshotError(source: item.source, message: "configuration: the item holds none")
            }
            let body = S3Raw.PublicAccessBlock(PublicAccessBlockConfiguration: blockConfiguration(block))
            return answer(.getAccountPublicAccessBlock, body, item, subject: nil, key: "configuration")
        } catch {
            return invalid(.getAccountPublicAccessBlock, error, item, subject: nil, key: "configuration")
        }
    }

    private static func bucket(_ item: ConfigurationItem) -> [SnapshotDocument] {
        var documents: [SnapshotDocument] = []
        var configuration: S3ConfigRaw.Bucket?
        do throws(SnapshotError) {
            configuration = try decode(S3ConfigRaw.Bucket.self, item.configuration, item, "configuration")
        } catch {
            documents.append(invalid(.listBuckets, error, item, subject: nil, key: "configuration"))
        }
        guard let name = configuration?.name ?? item.resourceName ?? item.resourceId else {
            let error = SnapshotError(source: item.source, message: "configuration.name: the bucket item names no bucket")
            return documents + [invalid(.listBuckets, error, item, subject: nil, key: "configuration")]
        }
        if documents.isEmpty {
            let entry = S3Raw.ListBuckets.Entry(Name: name, CreationDate: configuration?.creationDate, BucketRegion: item.region)
            documents.append(answer(.listBuckets, S3Raw.ListBuckets(Buckets: [entry]), item, subject: nil, key: "configuration"))
        }
        if let region = item.region {
            // us-east-1 answers a null LocationConstraint.
            let location = S3Raw.Location(LocationConstraint: region == "us-east-1" ? nil : region)
            documents.append(answer(.getBucketLocation, location, item, subject: name, key: "awsRegion"))
        }
        return documents + S3ConfigSupplement(item: item, bucket: name).documents()
    }

    static func blockConfiguration(_ block: S3ConfigRaw.PublicAccessBlock) -> S3Raw.PublicAccessBlock.Configuration {
        S3Raw.PublicAccessBlock.Configuration(BlockPublicAcls: block.blockPublicAcls ?? false, IgnorePublicAcls: block.ignorePublicAcls ?? false,
                                              BlockPublicPolicy: block.blockPublicPolicy ?? false, RestrictPublicBuckets: block.restrictPublicBuckets ?? false)
    }

    /// Decodes one JSON part of an item; nil when the item lacks it. A part of the wrong
    /// shape is a problem naming the item and the part.
    static func decode<T: Decodable>(_ type: T.Type, _ json: JSONValue?, _ item: ConfigurationItem, _ key: String) throws(SnapshotError) -> T? {
        guard let json else { return nil }
        do throws(JSONText.Failure) {
            return try JSONText.decode(T.self, from: json)
        } catch {
            throw SnapshotError(source: item.source, message: "\(key): \(error.message)")
        }
    }

    /// The answer to `call`, typed as the normalizer reads a CLI answer, from the item.
    static func answer<T: Sendable>(_ call: AWSCall, _ body: T, _ item: ConfigurationItem, subject: String?, key: String) -> SnapshotDocument {
        SnapshotDocument(call: call, subject: subject, region: item.region, source: "\(item.source) (\(key))", payload: .value(body),
                         account: item.accountId)
    }

    /// An error answer standing for a part of the item that could not be read: not an
    /// "absent" code, so the normalizer records it as a collection error for the account.
    static func invalid(_ call: AWSCall, _ error: SnapshotError, _ item: ConfigurationItem, subject: String?, key: String) -> SnapshotDocument {
        SnapshotDocument(call: call, subject: subject, region: item.region, source: "\(item.source) (\(key))",
                         payload: .error(code: "InvalidConfigurationItem", message: error.message), account: item.accountId)
    }

    /// An "absent" error answer (e.g. `NoSuchBucketPolicy`), as the API gives it.
    static func absent(_ call: AWSCall, _ code: String, _ item: ConfigurationItem, subject: String, key: String) -> SnapshotDocument {
        SnapshotDocument(call: call, subject: subject, region: item.region, source: "\(item.source) (\(key))",
                         payload: .error(code: code, message: "AWS Config: \(key) holds none"), account: item.accountId)
    }
}
