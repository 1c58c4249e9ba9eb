import Foundation
import Model
import PostureTesting
@testable import ProviderAWS
import SourceText
import Testing

/// AWS Config S3 items read as the same API answers: c7n's captured items, one bucket read
/// both ways (API and AWS Config) giving the same `Bucket`, and hand-made items for the
/// newer supplementary values and bad input.
@Suite("S3 from AWS Config")
struct S3ConfigTests {
    typealias S = S3TestSupport
    static let scenario = S.corpus("s3/c7n-scenario-s3-api-vs-config-normalize.json")
    static let items = S.corpus("config/c7n-config-items.json")

    /// The recording's body as a bundle file holds it.
    private func recording(_ recordings: [String: Any], _ name: String) throws -> Data {
        try S.unwrapPlacebo(try #require(recordings[name], "recording \(name)"))
    }

    /// The configuration item inside an SQS message wrapping an SNS notification from AWS Config.
    private func configurationItem(inSQS recording: Any) throws -> Any {
        let data = try #require((recording as? [String: Any])?["data"] as? [String: Any])
        let message = try #require((data["Messages"] as? [[String: Any]])?.first)
        let bodyText = try #require(message["Body"] as? String)
        let body = try #require(JSONSerialization.jsonObject(with: Data(bodyText.utf8)) as? [String: Any])
        let messageText = try #require(body["Message"] as? String)
        let notification = try #require(JSONSerialization.jsonObject(with: Data(messageText.utf8)) as? [String: Any])
        return try #require(notification["configurationItem"])
    }

    @Test("one bucket read through the S3 API and through AWS Config gives the same Bucket", .enabled(if: scenario != nil, "needs ../shared/corpus"))
    func apiEqualsConfig() throws {
        let url = try #require(Self.scenario)
        let root = try #require(S.json(url) as? [String: Any])
        let recordings = try #require(root["recordings"] as? [String: Any])
        let folder = try ScratchFolder("s3-api-vs-config")
        let bucketFolder = "api/s3/buckets/custodian-test-data-23/"
        try folder.write("api/manifest.json", #"{"account": "644160558196"}"#)
        try folder.write("api/s3/list-buckets.json", try recording(recordings, "s3.ListBuckets_1.json"))
        for (call, name) in [("get-bucket-acl", "GetBucketAcl"), ("get-bucket-policy", "GetBucketPolicy"), ("get-bucket-logging", "GetBucketLogging"),
                             ("get-bucket-versioning", "GetBucketVersioning"), ("get-bucket-tagging", "GetBucketTagging")] {
            try folder.write(bucketFolder + call + ".json", try recording(recordings, "s3.\(name)_1.json"))
        }
        // The test recorded no GetBucketLocation; its ListObjects answer came from the bucket's
        // region (x-amz-bucket-region), which is what get-bucket-location would have said.
        let listObjects = try #require((recordings["s3.ListObjects_1.json"] as? [String: Any])?["data"] as? [String: Any])
        let headers = try #require((listObjects["ResponseMetadata"] as? [String: Any])?["HTTPHeaders"] as? [String: String])
        #expect(headers["x-amz-bucket-region"] == "us-east-1")
        try folder.write(bucketFolder + "get-bucket-location.json", #"{"LocationConstraint": null}"#)
        let item = try configurationItem(inSQS: try #require(recordings["sqs.ReceiveMessage_4.json"]))
        try folder.write("config/item.json", try JSONSerialization.data(withJSONObject: ["configurationItem": item]))

        let api = AWSNormalizer.normalize(BundleReader().read(folder.path("api")))
        let config = AWSNormalizer.normalize(BundleReader().read(folder.path("config")))
        #expect(api.collectionErrors.isEmpty)
        #expect(config.collectionErrors.isEmpty)
        #expect(api.buckets.count == 4) // the listing names three other buckets, with no answers about them
        let fromAPI = try #require(api.s3Bucket("custodian-test-data-23"))
        let fromConfig = try #require(config.s3Bucket("custodian-test-data-23"))
        #expect(S.sourceless(fromAPI) == S.sourceless(fromConfig))

        #expect(fromConfig.account == "644160558196")
        #expect(fromConfig.region == "us-east-1")
        #expect(fromConfig.created == RFC3339.parse("2017-08-10T14:12:31Z"))
        #expect(fromConfig.aws.acl.map(\.permission) == ["READ", "WRITE", "READ_ACP"])
        #expect(fromConfig.aws.acl.last?.grantee == "http://acs.amazonaws.com/groups/s3/LogDelivery")
        #expect(fromConfig.aws.policy?.statements.map(\.sid) == ["Zebra"])
        #expect(fromConfig.logging == BucketLogging(enabled: true, targetBucket: "custodian-test-data-23", targetPrefix: "s3-logs/"))
        #expect(fromConfig.versioning == BucketVersioning(status: .enabled) && fromConfig.aws.mfaDelete == false)
        #expect(fromConfig.tags == ["rudolph": "rabbit", "platform": "tyre"])
        #expect(fromConfig.public)
        #expect(fromConfig.publicReasons == ["ACL grants READ to AuthenticatedUsers (any AWS account): read (list objects)"])
        #expect(config.s3Coverage("644160558196") == ["s3"])
    }

    @Test("a ResourceDeleted notification gives no bucket and is listed as ignored", .enabled(if: scenario != nil, "needs ../shared/corpus"))
    func deletedItem() throws {
        let url = try #require(Self.scenario)
        let recordings = try #require((S.json(url) as? [String: Any])?["recordings"] as? [String: Any])
        let item = try configurationItem(inSQS: try #require(recordings["sqs.ReceiveMessage_3.json"]))
        let snapshot = try S.configSnapshot([item])
        #expect(snapshot.documents.isEmpty)
        #expect(snapshot.ignored.first?.contains("ResourceDeleted") == true)
    }

    /// c7n's captured S3 items, each read alone (several are the same bucket at different times).
    private func c7nItem(_ name: String) throws -> Inventory {
        let url = try #require(Self.items)
        let files = try #require((S.json(url) as? [String: Any])?["items"] as? [String: Any])
        var item = try #require(files[name] as? [String: Any])
        // Config-rule invocation events wrap the item in a JSON string (test-side unwrapping).
        if let event = item["invokingEvent"] as? String {
            let inner = try #require(JSONSerialization.jsonObject(with: Data(event.utf8)) as? [String: Any])
            item = try #require(inner["configurationItem"] as? [String: Any])
        }
        return AWSNormalizer.normalize(try S.configSnapshot([item], source: name))
    }

    @Test("c7n s3.json: account from accountId, us-east-2, twice-encoded ACL, tags, Off versioning and null logging", .enabled(if: items != nil, "needs ../shared/corpus"))
    func c7nSanityBucket() throws {
        let inventory = try c7nItem("s3.json")
        #expect(inventory.collectionErrors.isEmpty)
        let bucket = try #require(inventory.s3Bucket("config-rule-sanity"))
        #expect(bucket.account == "644160558196")
        #expect(bucket.region == "us-east-2")
        #expect(bucket.created == RFC3339.parse("2017-02-04T11:06:27Z"))
        #expect(bucket.aws.acl == [ACLGrant(granteeType: "CanonicalUser", grantee: "e7c8bb65a5fc49cf906715eae09de9e4bb7861a96361ba79b833aa45f6833b15", permission: "FULL_CONTROL")])
        #expect(bucket.tags == ["Planet": "Earth", "Verbose": "Game"])
        #expect(bucket.versioning == BucketVersioning(status: .disabled) && bucket.aws.mfaDelete == false)
        #expect(bucket.logging == BucketLogging(enabled: false))
        #expect(bucket.aws.policy == nil)
        #expect(bucket.encryption == nil) // 2017 items hold no encryption value: unknown, not "off"
        #expect(!bucket.public)
        #expect(bucket.source.location.hasPrefix("s3.json#/configurationItems/0"))
    }

    @Test("c7n items: the AllUsers Read grant makes testing-99 public; storage-dev's Deny statements do not; rule events read", .enabled(if: items != nil, "needs ../shared/corpus"))
    func c7nOtherBuckets() throws {
        let website = try #require(try c7nItem("s3-website.json").s3Bucket("testing-99"))
        #expect(website.public)
        #expect(website.publicReasons == ["ACL grants READ to AllUsers (anyone): read (list objects)"])
        #expect(try c7nItem("s3-lifecycle.json").s3Bucket("testing-99")?.versioning?.status == .suspended)
        let storage = try #require(try c7nItem("s3-lifecycle-null-predicate.json").s3Bucket("storage-dev"))
        #expect(storage.aws.policy?.statements.map(\.sid) == ["DenyUnEncryptedObjectUploads", "RequiredEncryptedPutObject"])
        #expect(storage.aws.policy?.version == "2008-10-17")
        #expect(!storage.public)
        #expect(storage.versioning?.status == .enabled)
        #expect(storage.tags.count == 7)
        #expect(storage.tags["OwnerContact"] == "me@example.com")
        let fromRule = try c7nItem("s3-from-rule.json")
        #expect(fromRule.collectionErrors.isEmpty)
        #expect(fromRule.s3Bucket("c7n-fire-logs")?.account == "644160558196")
        #expect(fromRule.s3Bucket("c7n-fire-logs")?.created == RFC3339.parse("2017-09-15T02:05:40Z"))
    }

    @Test("newer supplementary values: encryption, bucket block, MFA delete, and the account block item, per account")
    func newerValues() throws {
        let bucket: [String: Any] = [
            "resourceType": "AWS::S3::Bucket", "resourceName": "kms-bucket", "awsAccountId": "222233334444", "awsRegion": "eu-west-1",
            "configurationItemStatus": "OK",
            "configuration": ["name": "kms-bucket", "creationDate": "2024-01-02T03:04:05.000Z"],
            "supplementaryConfiguration": [
                "ServerSideEncryptionConfiguration": #"{"rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"aws:kms:dsse","kmsMasterKeyID":"k1"},"bucketKeyEnabled":true}]}"#,
                "PublicAccessBlockConfiguration": ["blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true],
                "BucketVersioningConfiguration": ["status": "Enabled", "isMfaDeleteEnabled": true],
                "BucketPolicy": ["policyText": #"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}"#],
            ] as [String: Any],
        ]
        let block: [String: Any] = [
            "resourceType": "AWS::S3::AccountPublicAccessBlock", "resourceId": "222233334444", "awsAccountId": "222233334444",
            "awsRegion": "eu-west-1", "configuration": ["blockPublicAcls": false, "ignorePublicAcls": true, "blockPublicPolicy": false, "restrictPublicBuckets": false],
        ]
        let inventory = AWSNormalizer.normalize(try S.configSnapshot([bucket, block]))
        #expect(inventory.collectionErrors.isEmpty)
        let read = try #require(inventory.s3Bucket("kms-bucket"))
        #expect(read.account == "222233334444")
        #expect(read.region == "eu-west-1")
        #expect(read.encryption == BucketEncryption(enabled: true, algorithm: "aws:kms:dsse", key: "k1") && read.aws.bucketKeyEnabled == true)
        #expect(read.aws.publicAccessBlock?.blocksAll == true)
        #expect(read.versioning == BucketVersioning(status: .enabled) && read.aws.mfaDelete == true)
        #expect(read.aws.accountPublicAccessBlock?.ignorePublicAcls == true)
        #expect(!read.public) // the public policy is neutralised by the bucket's RestrictPublicBuckets
        #expect(inventory.s3Coverage("222233334444") == ["s3", "s3-account-public-access-block"])
    }

    @Test("a malformed supplementary value is a collection error for that bucket and account; the rest of the item still reads")
    func malformedValue() throws {
        let item: [String: Any] = [
            "resourceType": "AWS::S3::Bucket", "resourceName": "odd", "awsAccountId": "333344445555", "awsRegion": "us-east-1",
            "configuration": ["name": "odd"],
            "supplementaryConfiguration": ["AccessControlList": #"{"grantList": 5}"#, "BucketVersioningConfiguration": ["status": "Enabled"]] as [String: Any],
        ]
        let inventory = AWSNormalizer.normalize(try S.configSnapshot([item]))
        let error = try #require(inventory.collectionErrors.first)
        #expect(inventory.collectionErrors.count == 1)
        #expect(error.account == "333344445555")
        #expect(error.code == "InvalidConfigurationItem")
        #expect(error.source.contains("supplementaryConfiguration.AccessControlList"))
        #expect(error.message.contains("bucket odd: supplementaryConfiguration.AccessControlList: $.grantList"))
        #expect(inventory.s3Bucket("odd")?.versioning?.status == .enabled)
        #expect(inventory.s3Bucket("odd")?.collected.contains("acl") == false)
        #expect(inventory.s3Coverage("333344445555").contains("s3"))
    }
}
