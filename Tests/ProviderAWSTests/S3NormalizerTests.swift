import Foundation
import Model
import PostureTesting
@testable import ProviderAWS
import SourceText
import Testing

/// The S3 normalizer on small bundles written here: every field, absent answers, unknown
/// fields, and bad input (error answers, truncated JSON, wrong types).
@Suite("S3 normalizer")
struct S3NormalizerTests {
    typealias S = S3TestSupport

    /// A bundle in the documented layout: one bucket with every answer, one with the "absent" answers.
    private func writeBundle(_ folder: ScratchFolder) throws {
        try folder.write("manifest.json", #"{"format": "posture-aws-bundle", "version": 1, "account": "111122223333"}"#)
        try folder.write("s3/list-buckets.json", """
            {"Buckets": [{"Name": "full", "CreationDate": "2021-05-06T07:08:09+00:00"},
                         {"Name": "bare", "CreationDate": "2022-01-01 00:00:00+00:00"}],
             "Owner": {"DisplayName": "me", "ID": "abc"}}
            """)
        let full = "s3/buckets/full/"
        try folder.write(full + "get-bucket-location.json", #"{"LocationConstraint": "EU"}"#)
        try folder.write(full + "get-bucket-encryption.json", """
            {"ServerSideEncryptionConfiguration": {"Rules": [{"ApplyServerSideEncryptionByDefault":
              {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "arn:aws:kms:eu-west-1:111122223333:key/k1"}, "BucketKeyEnabled": true}]}}
            """)
        try folder.write(full + "get-public-access-block.json",
                         #"{"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": false, "RestrictPublicBuckets": false}}"#)
        try folder.write(full + "get-bucket-policy.json",
                         #"{"Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Pub\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::full/*\"}]}"}"#)
        try folder.write(full + "get-bucket-policy-status.json", #"{"PolicyStatus": {"IsPublic": true}}"#)
        try folder.write(full + "get-bucket-acl.json", """
            {"Owner": {"ID": "abc"}, "Grants": [{"Grantee": {"ID": "abc", "Type": "CanonicalUser"}, "Permission": "FULL_CONTROL"},
              {"Grantee": {"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"}, "Permission": "READ"},
              {"Grantee": {"Type": "AmazonCustomerByEmail", "EmailAddress": "a@example.com"}, "Permission": "READ_ACP"}]}
            """)
        try folder.write(full + "get-bucket-logging.json", #"{"LoggingEnabled": {"TargetBucket": "logs", "TargetPrefix": "full/"}}"#)
        try folder.write(full + "get-bucket-versioning.json", #"{"Status": "Suspended", "MFADelete": "Enabled"}"#)
        try folder.write(full + "get-bucket-tagging.json", #"{"TagSet": [{"Key": "team", "Value": "data"}]}"#)
        let bare = "s3/buckets/bare/"
        try folder.write(bare + "get-bucket-location.json", #"{"LocationConstraint": null}"#)
        try folder.write(bare + "get-bucket-encryption.json",
                         #"{"Error": {"Code": "ServerSideEncryptionConfigurationNotFoundError", "Message": "not found"}}"#)
        try folder.write(bare + "get-public-access-block.json",
                         "An error occurred (NoSuchPublicAccessBlockConfiguration) when calling the GetPublicAccessBlock operation: none\n")
        try folder.write(bare + "get-bucket-policy.json", #"{"Error": {"Code": "NoSuchBucketPolicy", "Message": "none", "BucketName": "bare"}}"#)
        try folder.write(bare + "get-bucket-logging.json", "{}")
        try folder.write(bare + "get-bucket-versioning.json", "{}")
        try folder.write(bare + "get-bucket-tagging.json", #"{"Error": {"Code": "NoSuchTagSet", "Message": "none"}}"#)
        try folder.write("s3control/get-public-access-block.json",
                         #"{"PublicAccessBlockConfiguration": {"BlockPublicAcls": false, "IgnorePublicAcls": false, "BlockPublicPolicy": true, "RestrictPublicBuckets": false}}"#)
    }

    @Test("a bundle gives every bucket field: region, encryption, blocks, policy, ACL, logging, versioning, tags, public with reasons")
    func fullBundle() throws {
        let folder = try ScratchFolder("s3-bundle")
        try writeBundle(folder)
        let inventory = AWSNormalizer.normalize(BundleReader().read(folder.path()))
        #expect(inventory.collectionErrors.isEmpty)
        #expect(inventory.buckets.map(\.name) == ["full", "bare"])
        let full = try #require(inventory.s3Bucket("full"))
        #expect(full.id == "arn:aws:s3:::full")
        #expect(full.account == "111122223333")
        #expect(full.region == "eu-west-1")
        #expect(full.source.location.hasSuffix("s3/list-buckets.json"))
        #expect(full.created == RFC3339.parse("2021-05-06T07:08:09Z"))
        #expect(full.encryption == BucketEncryption(enabled: true, algorithm: "aws:kms", key: "arn:aws:kms:eu-west-1:111122223333:key/k1") && full.aws.bucketKeyEnabled == true)
        #expect(full.aws.publicAccessBlock == PublicAccessBlockSettings(blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false))
        #expect(full.aws.accountPublicAccessBlock?.blockPublicPolicy == true)
        #expect(full.aws.policy?.statements.first?.sid == "Pub")
        #expect(full.aws.acl == [
            ACLGrant(granteeType: "CanonicalUser", grantee: "abc", permission: "FULL_CONTROL"),
            ACLGrant(granteeType: "Group", grantee: "http://acs.amazonaws.com/groups/global/AllUsers", permission: "READ"),
            ACLGrant(granteeType: "AmazonCustomerByEmail", grantee: "a@example.com", permission: "READ_ACP"),
        ])
        #expect(full.logging == BucketLogging(enabled: true, targetBucket: "logs", targetPrefix: "full/"))
        #expect(full.versioning == BucketVersioning(status: .suspended) && full.aws.mfaDelete == true)
        #expect(full.tags == ["team": "data"])
        // The AllUsers grant is ignored (IgnorePublicAcls); the policy is not (only BlockPublicPolicy at account level).
        #expect(full.public)
        #expect(full.publicReasons.count == 1)
        #expect(full.publicReasons.first?.hasPrefix(#"bucket policy statement "Pub" allows everyone (Principal *) to read"#) == true)

        let bare = try #require(inventory.s3Bucket("bare"))
        #expect(bare.region == "us-east-1")
        #expect(bare.encryption == BucketEncryption(enabled: false))
        #expect(bare.aws.publicAccessBlock == nil)
        #expect(bare.aws.policy == nil)
        #expect(bare.logging == BucketLogging(enabled: false))
        #expect(bare.versioning == BucketVersioning(status: .disabled) && bare.aws.mfaDelete == false)
        #expect(bare.tags.isEmpty)
        #expect(!bare.public)
        #expect(inventory.s3Coverage("111122223333") == ["s3", "s3-account-public-access-block"])
    }

    @Test("a listed bucket without per-bucket answers keeps every field unknown; no s3control answer means the account block is not covered")
    func missingAnswers() {
        let inventory = S.normalize([S.listing("lonely")])
        let bucket = inventory.s3Bucket("lonely")
        #expect(bucket?.region == nil)
        #expect(bucket?.encryption == nil)
        #expect(bucket?.logging == nil)
        #expect(bucket?.versioning == nil)
        #expect(bucket?.created == RFC3339.parse("2020-01-02T03:04:05Z"))
        #expect(inventory.collectionErrors.isEmpty)
        #expect(inventory.s3Coverage("111122223333") == ["s3"])
    }

    @Test("an empty listing still covers s3; an absent account block answer covers it with no block")
    func emptyListingAndAbsentAccountBlock() {
        let inventory = S.normalize([
            S.document(.listBuckets, #"{"Buckets": []}"#),
            S.document(.getAccountPublicAccessBlock, #"{"Error": {"Code": "NoSuchPublicAccessBlockConfiguration", "Message": "none"}}"#),
        ])
        #expect(inventory.buckets.isEmpty)
        #expect(inventory.accounts.first?.aws.publicAccessBlock == nil)
        #expect(inventory.s3Coverage("111122223333") == ["s3", "s3-account-public-access-block"])
    }

    @Test("LocationConstraint: null, empty and EU are us-east-1, us-east-1 and eu-west-1; a named region is itself")
    func locations() {
        for (answer, region) in [("null", "us-east-1"), (#""""#, "us-east-1"), (#""EU""#, "eu-west-1"), (#""ap-south-1""#, "ap-south-1"), ("", "us-east-1")] {
            let body = answer.isEmpty ? "{}" : #"{"LocationConstraint": \#(answer)}"#
            let inventory = S.normalize([S.listing("b"), S.document(.getBucketLocation, bucket: "b", body)])
            #expect(inventory.s3Bucket("b")?.region == region, "answer \(body)")
        }
    }

    @Test("access denied on one bucket is a collection error naming it; that bucket's field is not collected, the others are")
    func accessDenied() {
        let inventory = S.normalize([
            S.listing("open", "secret"),
            S.document(.getBucketPolicy, bucket: "secret", #"{"Error": {"Code": "AccessDenied", "Message": "Access Denied"}}"#, source: "s3/buckets/secret/get-bucket-policy.json"),
            S.document(.getBucketPolicy, bucket: "open", #"{"Error": {"Code": "NoSuchBucketPolicy", "Message": "none"}}"#),
        ])
        #expect(inventory.buckets.count == 2)
        #expect(inventory.s3Bucket("secret")?.aws.policy == nil)
        let error = inventory.collectionErrors.first
        #expect(inventory.collectionErrors.count == 1)
        #expect(error?.code == "AccessDenied")
        #expect(error?.dataSet == "s3")
        #expect(error?.account == "111122223333")
        #expect(error?.message == "bucket secret: Access Denied")
        #expect(error?.source == "s3/buckets/secret/get-bucket-policy.json (s3:GetBucketPolicy)")
        // That bucket's policy is unknown (its policy checks are not assessed); the account keeps
        // S3 coverage, so the other buckets are still judged.
        #expect(inventory.s3Bucket("secret")?.collected.contains("policy") == false)
        #expect(inventory.s3Bucket("open")?.collected.contains("policy") == true)
        #expect(inventory.s3Coverage("111122223333").contains("s3"))
    }

    @Test("bad input never passes silently: truncated JSON, \"Statement\": 5, wrong member types each give an error with file and JSON path")
    func malformedAnswers() {
        let cases: [(SnapshotDocument, String)] = [
            (S.document(.getBucketAcl, bucket: "b", #"{"Grants": [{"Grantee": {"Type": "Group""#, source: "acl.json"), "acl.json"),
            (S.document(.getBucketPolicy, bucket: "b", #"{"Policy": "{\"Statement\": 5}"}"#, source: "policy.json"), "$.Statement"),
            (S.document(.getBucketPolicy, bucket: "b", #"{"Policy": "{\"Statement\": [{\"Effect\": \"Allow\""}"#, source: "p.json"), "p.json"),
            (S.document(.getBucketVersioning, bucket: "b", #"{"Status": 1}"#, source: "v.json"), "$.Status"),
            (S.document(.getBucketVersioning, bucket: "b", #"{"Status": "Sometimes"}"#, source: "v.json"), "expected Enabled or Suspended"),
            (S.document(.getBucketEncryption, bucket: "b", #"{"ServerSideEncryptionConfiguration": {"Rules": {"x": 1}}}"#), "$.ServerSideEncryptionConfiguration.Rules"),
            (S.document(.getPublicAccessBlock, bucket: "b", #"{"PublicAccessBlockConfiguration": {"BlockPublicAcls": "yes"}}"#), "$.PublicAccessBlockConfiguration.BlockPublicAcls"),
            (S.document(.getBucketLogging, bucket: "b", #"{"LoggingEnabled": []}"#), "$.LoggingEnabled"),
            (S.document(.getBucketTagging, bucket: "b", #"{"TagSet": [{"Value": "v"}]}"#), "Key"),
            (S.document(.listBuckets, #"{"Buckets": [{"Name": 7}]}"#, source: "lb.json"), "$.Buckets[0].Name"),
            (S.document(.getAccountPublicAccessBlock, #"{"PublicAccessBlockConfiguration": 3}"#), "$.PublicAccessBlockConfiguration"),
        ]
        for (document, expected) in cases {
            let inventory = S.normalize([S.listing("b"), document])
            let error = inventory.collectionErrors.first
            #expect(inventory.collectionErrors.count == 1, "\(document.call) \(expected)")
            #expect(error.map { "\($0.source) \($0.message)".contains(expected) } == true, "\(String(describing: error)) should name \(expected)")
            if document.call.subject == .bucket {
                // The bucket's setting is not collected; the account keeps the data set.
                let setting = ["getBucketAcl": "acl", "getBucketPolicy": "policy", "getBucketVersioning": "versioning",
                               "getBucketEncryption": "encryption", "getPublicAccessBlock": "publicAccessBlock",
                               "getBucketLogging": "logging", "getBucketTagging": "tags"]["\(document.call)"]
                #expect(setting.map { inventory.s3Bucket("b")?.collected.contains($0) == false } == true, "\(document.call)")
                #expect(inventory.s3Coverage("111122223333").contains(document.call.dataSet), "\(document.call)")
            } else {
                #expect(!inventory.s3Coverage("111122223333").contains(document.call.dataSet), "\(document.call)")
            }
        }
    }

    @Test("a bucket answer that names no bucket is an error, not dropped; answers about unlisted buckets still give the bucket")
    func unattributedAndUnlisted() {
        let inventory = S.normalize([
            S.listing("a"),
            S.document(.getBucketAcl, #"{"Grants": []}"#, source: "get-bucket-acl.json"),
            S.document(.getBucketVersioning, bucket: "extra", #"{"Status": "Enabled"}"#, source: "s3/buckets/extra/get-bucket-versioning.json"),
        ])
        #expect(inventory.collectionErrors.map(\.source) == ["get-bucket-acl.json (s3:GetBucketAcl)"])
        #expect(inventory.s3Bucket("extra")?.versioning?.status == .enabled)
        #expect(inventory.s3Bucket("extra")?.source.location == "s3/buckets/extra/get-bucket-versioning.json")
    }

    @Test("an empty per-bucket file in a bundle is a problem tied to s3: that bucket's setting is not collected")
    func emptyFile() throws {
        let folder = try ScratchFolder("s3-empty")
        try folder.write("manifest.json", #"{"account": "111122223333"}"#)
        try folder.write("s3/list-buckets.json", #"{"Buckets": [{"Name": "b"}]}"#)
        try folder.write("s3/buckets/b/get-bucket-policy.json", "")
        let inventory = AWSNormalizer.normalize(BundleReader().read(folder.path()))
        #expect(inventory.collectionErrors.first?.dataSet == "s3")
        #expect(inventory.s3Bucket("b")?.collected.contains("policy") == false)
        #expect(inventory.s3Coverage("111122223333").contains("s3"))
    }

    @Test("an encryption rule without a default algorithm is not default encryption")
    func ruleWithoutAlgorithm() {
        let inventory = S.normalize([S.listing("b"), S.document(.getBucketEncryption, bucket: "b", #"{"ServerSideEncryptionConfiguration": {"Rules": [{"BucketKeyEnabled": true}]}}"#)])
        #expect(inventory.s3Bucket("b")?.encryption == BucketEncryption(enabled: false) && inventory.s3Bucket("b")?.aws.bucketKeyEnabled == true)
    }

    @Test("the account block from s3control reaches every bucket of the account and neutralises a public ACL")
    func accountBlockApplies() {
        let inventory = S.normalize([
            S.listing("b"),
            S.document(.getBucketAcl, bucket: "b", #"{"Grants": [{"Grantee": {"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"}, "Permission": "READ"}]}"#),
            S.document(.getAccountPublicAccessBlock, #"{"PublicAccessBlockConfiguration": {"IgnorePublicAcls": true}}"#),
        ])
        let bucket = inventory.s3Bucket("b")
        #expect(bucket?.aws.accountPublicAccessBlock == PublicAccessBlockSettings(blockPublicAcls: false, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false))
        #expect(bucket?.public == false)
        #expect(inventory.accounts.first?.aws.publicAccessBlock?.ignorePublicAcls == true)
    }
}
