import Foundation
import Model
import PostureTesting
@testable import ProviderAWS
import SourceText
import Testing

/// The S3 reader on real recorded answers: c7n's placebo recordings (one per operation), the
/// c7n scenario that reads one bucket through the API and through AWS Config, and
/// CloudMapper's demo account.
@Suite("S3 on the corpus")
struct S3CorpusTests {
    typealias S = S3TestSupport
    static let placebo = S.corpus("s3/c7n-placebo-s3-responses-by-operation.json")
    static let scenario = S.corpus("s3/c7n-scenario-s3-api-vs-config-normalize.json")
    static let cloudMapper = S.corpus("cloudmapper-demo")

    /// Each recording of `operation` read as the answer for bucket `b`, normalized with a one-bucket listing.
    private func eachRecording(_ operation: String, _ call: AWSCall) throws -> [(file: String, inventory: Inventory)] {
        let url = try #require(Self.placebo)
        let root = try #require(S.json(url) as? [String: Any])
        let operations = try #require(root["operations"] as? [String: Any])
        let recordings = try #require(operations[operation] as? [[String: Any]])
        return try recordings.map { entry in
            let file = entry["placebo_file"] as? String ?? "?"
            let data = try S.unwrapPlacebo(entry["recording"] as Any)
            let document = S.document(call, bucket: call == .listBuckets ? nil : "b", data, source: file)
            return (file, S.normalize(call == .listBuckets ? [document] : [S.listing("b"), document]))
        }
    }

    private func bucket(_ results: [(file: String, inventory: Inventory)], _ suffix: String) -> Bucket? {
        results.first { $0.file.hasSuffix(suffix) }?.inventory.s3Bucket("b")
    }

    @Test("97 recorded ListBuckets answers read without error: 385 buckets (142 names), placebo and ISO dates", .enabled(if: placebo != nil, "needs ../shared/corpus"))
    func listBuckets() throws {
        let results = try eachRecording("s3.ListBuckets", .listBuckets)
        #expect(results.count == 97)
        #expect(results.allSatisfy { $0.inventory.collectionErrors.isEmpty })
        #expect(results.map(\.inventory.buckets.count).reduce(0, +) == 385)
        #expect(Set(results.flatMap { $0.inventory.buckets.map(\.name) }).count == 142)
        let first = try #require(results.first { $0.file.hasSuffix("test_account_data_events/s3.ListBuckets_1.json") })
        let fireLogs = try #require(first.inventory.s3Bucket("c7n-fire-logs"))
        #expect(fireLogs.created == RFC3339.parse("2017-09-15T02:05:40Z"))
        #expect(fireLogs.id == "arn:aws:s3:::c7n-fire-logs")
        let iso = results.first { $0.file.hasSuffix("test_s3_public_block_throws_errors/s3.ListBuckets_1.json") }
        #expect(iso?.inventory.s3Bucket("mypublicblock")?.created == RFC3339.parse("2020-04-09T02:14:46Z"))
    }

    @Test("GetBucketEncryption: 11 not-found answers are 'not enabled', AES256 and aws:kms rules with keys and bucket keys read", .enabled(if: placebo != nil, "needs ../shared/corpus"))
    func encryption() throws {
        let results = try eachRecording("s3.GetBucketEncryption", .getBucketEncryption)
        #expect(results.count == 26)
        #expect(results.allSatisfy { $0.inventory.collectionErrors.isEmpty })
        let encryptions = results.compactMap { $0.inventory.s3Bucket("b")?.encryption }
        #expect(encryptions.count == 26)
        #expect(encryptions.filter { !$0.enabled }.count == 12) // 11 not found + 1 rule without a default algorithm
        // SSE-S3 is S3's own key; a KMS key the input does not list is of unknown management.
        let bucketKey = bucket(results, "test_s3_bucket_encryption_bucket_key/s3.GetBucketEncryption_2.json")
        #expect(bucketKey?.encryption == BucketEncryption(enabled: true, algorithm: "AES256", keyManager: .provider))
        #expect(bucketKey?.aws.bucketKeyEnabled == true)
        let kms = bucket(results, "test_s3_bucket_encryption_filter_kms/s3.GetBucketEncryption_4.json")
        #expect(kms?.encryption == BucketEncryption(enabled: true, algorithm: "aws:kms", key: "arn:aws:kms:us-east-1:644160558196:key/e1d7c355-8b0d-4adf-8a26-f9e88d17b5a6"))
        #expect(kms?.aws.bucketKeyEnabled == false)
        let malformed = bucket(results, "test_s3_filter_bucket_encryption_disabled_malformed_statement/s3.GetBucketEncryption_1.json")
        #expect(malformed?.encryption == BucketEncryption(enabled: false))
        #expect(malformed?.aws.bucketKeyEnabled == true)
    }

    @Test("GetPublicAccessBlock: not-found is no block, the 403 AccessDenied is a collection error, settings read switch by switch", .enabled(if: placebo != nil, "needs ../shared/corpus"))
    func publicAccessBlock() throws {
        let results = try eachRecording("s3.GetPublicAccessBlock", .getPublicAccessBlock)
        #expect(results.count == 8)
        let denied = results.filter { !$0.inventory.collectionErrors.isEmpty }
        #expect(denied.map(\.file) == ["tests/data/placebo/test_s3_check_public_block/s3.GetPublicAccessBlock_3.json"])
        #expect(denied.first?.inventory.collectionErrors.first?.code == "AccessDenied")
        #expect(denied.first?.inventory.s3Bucket("b")?.collected.contains("publicAccessBlock") == false)
        #expect(denied.first?.inventory.s3Coverage("111122223333").contains("s3") == true)
        #expect(results.filter { $0.inventory.s3Bucket("b")?.aws.publicAccessBlock == nil }.count == 3)
        #expect(bucket(results, "test_s3_check_public_block/s3.GetPublicAccessBlock_2.json")?.aws.publicAccessBlock
            == PublicAccessBlockSettings(blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: true))
    }

    @Test("GetBucketPolicy: 19 NoSuchBucketPolicy are none, 20 policies parse; only the Allow-* PutObject one is public (write)", .enabled(if: placebo != nil, "needs ../shared/corpus"))
    func policies() throws {
        let results = try eachRecording("s3.GetBucketPolicy", .getBucketPolicy)
        #expect(results.count == 39)
        #expect(results.allSatisfy { $0.inventory.collectionErrors.isEmpty })
        #expect(results.filter { $0.inventory.s3Bucket("b")?.aws.policy == nil }.count == 19)
        let publicOnes = results.filter { $0.inventory.s3Bucket("b")?.public == true }
        #expect(publicOnes.map(\.file) == ["tests/data/placebo/test_s3_no_encryption_statement/s3.GetBucketPolicy_3.json"])
        #expect(publicOnes.first?.inventory.s3Bucket("b")?.publicReasons
            == [#"bucket policy statement "RequiredEncryptedObject" allows everyone (Principal *) to write: s3:PutObject"#])
        // Allow {"AWS": "*"} pinned to an access point account (s3:DataAccessPointAccount) is not public.
        let accessPoint = bucket(results, "test_s3_dataaccesspointaccount_cross_account/s3.GetBucketPolicy_1.json")
        #expect(accessPoint?.aws.policy?.statements.first?.principals == [Principal(type: "AWS", id: "*")])
        #expect(accessPoint?.public == false)
        // Deny * unless TLS (SecureTransport false) is not public.
        #expect(bucket(results, "test_s3_set_statements_add_remove/s3.GetBucketPolicy_2.json")?.public == false)
    }

    @Test("GetBucketAcl: 15 ACLs read; the AllUsers WRITE and AuthenticatedUsers READ grants make 4 of them public", .enabled(if: placebo != nil, "needs ../shared/corpus"))
    func acls() throws {
        let results = try eachRecording("s3.GetBucketAcl", .getBucketAcl)
        #expect(results.count == 15)
        #expect(results.allSatisfy { $0.inventory.collectionErrors.isEmpty })
        #expect(results.filter { $0.inventory.s3Bucket("b")?.public == true }.count == 4)
        let grants = bucket(results, "test_s3_grants/s3.GetBucketAcl_1.json")
        #expect(grants?.publicReasons == ["ACL grants WRITE to AllUsers (anyone): write (create, overwrite and delete objects)"])
        #expect(bucket(results, "test_s3_grants/s3.GetBucketAcl_2.json")?.aws.acl.isEmpty == true)
        #expect(bucket(results, "test_s3_normalize_initstate/s3.GetBucketAcl_1.json")?.aws.acl
            == [ACLGrant(granteeType: "CanonicalUser", grantee: "929724ecab8ae5995c68a684b2d1382ebee878c5f3d75526decf7a86e14e2468", permission: "FULL_CONTROL")])
    }

    @Test("GetBucketLogging (7 on, 6 off), GetBucketVersioning (11 enabled, 1 suspended, 22 never), GetBucketLocation ({} = us-east-1, 403 = error)", .enabled(if: placebo != nil, "needs ../shared/corpus"))
    func loggingVersioningLocation() throws {
        let logging = try eachRecording("s3.GetBucketLogging", .getBucketLogging)
        #expect(logging.compactMap { $0.inventory.s3Bucket("b")?.logging?.enabled }.filter { $0 }.count == 7)
        #expect(logging.compactMap { $0.inventory.s3Bucket("b")?.logging }.count == 13)
        #expect(bucket(logging, "test_s3_enable_logging/s3.GetBucketLogging_4.json")?.logging
            == BucketLogging(enabled: true, targetBucket: "superduper-and-magic", targetPrefix: "644160558196/superduper-and-magic/"))
        let versioning = try eachRecording("s3.GetBucketVersioning", .getBucketVersioning)
        let statuses = versioning.compactMap { $0.inventory.s3Bucket("b")?.versioning?.status }
        #expect(statuses.count == 34)
        #expect(statuses.filter { $0 == .enabled }.count == 11)
        #expect(statuses.filter { $0 == .suspended }.count == 1)
        #expect(statuses.filter { $0 == .disabled }.count == 22)
        let location = try eachRecording("s3.GetBucketLocation", .getBucketLocation)
        #expect(location.map { $0.inventory.s3Bucket("b")?.region } == ["us-east-1", nil, "us-west-2", "us-west-2"])
        #expect(location[1].inventory.collectionErrors.first?.code == "AccessDenied")
    }

    @Test("CloudMapper's demo: bucket cloudmapper_demo in us-east-1 is public through Principal {AWS: *} s3:GetObject", .enabled(if: cloudMapper != nil, "needs ../shared/corpus"))
    func cloudMapperDemo() throws {
        let inventory = AWSNormalizer.normalize(BundleReader().read(try #require(Self.cloudMapper).path))
        #expect(inventory.buckets.count == 1)
        let bucket = try #require(inventory.s3Bucket("cloudmapper_demo"))
        #expect(bucket.account == "123456789012")
        #expect(bucket.region == "us-east-1")
        #expect(bucket.created == RFC3339.parse("2018-11-20T19:50:08Z"))
        #expect(bucket.source.location.hasSuffix("s3-list-buckets.json"))
        #expect(bucket.aws.acl == [ACLGrant(granteeType: "CanonicalUser", grantee: "ff023120a5d4ac3baac81aa8da6dda98a1a200fabb0578d60d4ba34cea1b7939", permission: "FULL_CONTROL")])
        #expect(bucket.public)
        #expect(bucket.publicReasons == [#"bucket policy statement "PublicReadGetObject" allows everyone (Principal *) to read: s3:GetObject"#])
        #expect(bucket.encryption == nil) // the demo holds no get-bucket-encryption answer: unknown
        #expect(!inventory.collectionErrors.contains { $0.dataSet == "s3" })
        let coverage = inventory.s3Coverage("123456789012")
        #expect(coverage.contains("s3"))
        #expect(!coverage.contains("s3-account-public-access-block"))
    }
}
