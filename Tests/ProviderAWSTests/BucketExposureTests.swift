import Foundation
import Model
import Testing
@testable import ProviderAWS

/// The derived public flag: which policies, ACLs and blocks make a bucket public, and the
/// false positives peer tools are known for.
@Suite("Bucket exposure")
struct BucketExposureTests {
    private func policy(_ statements: String) throws -> PolicyDocument {
        try PolicyDocumentParser.parse(#"{"Version": "2012-10-17", "Statement": [\#(statements)]}"#, source: "test")
    }

    private func verdict(_ statements: String, bucket: PublicAccessBlockSettings? = nil, account: PublicAccessBlockSettings? = nil) throws -> BucketExposure.Verdict {
        BucketExposure.evaluate(.init(policy: try policy(statements), bucketBlock: bucket, accountBlock: account))
    }

    private let publicRead = #"{"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#

    private func block(acls: Bool = false, ignore: Bool = false, policy: Bool = false, restrict: Bool = false) -> PublicAccessBlockSettings {
        PublicAccessBlockSettings(blockPublicAcls: acls, ignorePublicAcls: ignore, blockPublicPolicy: policy, restrictPublicBuckets: restrict)
    }

    @Test("an Allow to Principal * is public, and the reason names the statement, read access and the action")
    func allowStar() throws {
        let result = try verdict(publicRead)
        #expect(result.isPublic)
        #expect(result.reasons == [#"bucket policy statement "PublicRead" allows everyone (Principal *) to read: s3:GetObject"#])
    }

    @Test("Principal {AWS: *} and an ARN in any account (arn:aws:iam::*:root) are everyone")
    func awsStar() throws {
        #expect(try verdict(#"{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "*"}"#).isPublic)
        let anyAccount = try verdict(#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::*:root"}, "Action": "s3:ListBucket", "Resource": "*"}"#)
        #expect(anyAccount.isPublic)
        #expect(anyAccount.reasons.first?.contains("any AWS account") == true)
        #expect(try !verdict(#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:*", "Resource": "*"}"#).isPublic)
        #expect(try !verdict(#"{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "*"}"#).isPublic)
    }

    @Test("a statement without a Sid is named by its index")
    func unnamedStatement() throws {
        let result = try verdict(#"{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}, {"Effect": "Allow", "Principal": "*", "Action": "s3:PutObject", "Resource": "*"}"#)
        #expect(result.reasons == ["bucket policy statement Statement[1] allows everyone (Principal *) to write: s3:PutObject"])
    }

    @Test("Allow with NotPrincipal grants to everyone but the listed principals")
    func notPrincipal() throws {
        let result = try verdict(#"{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject", "Resource": "*"}"#)
        #expect(result.isPublic)
        #expect(result.reasons.first?.contains("everyone except the NotPrincipal list") == true)
    }

    @Test("false positive avoided: a Deny to * on aws:SecureTransport false is not public")
    func denyInsecureTransport() throws {
        let result = try verdict(#"{"Sid": "TLSOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}"#)
        #expect(!result.isPublic)
        #expect(result.reasons.isEmpty)
    }

    @Test("false positive avoided: s3:Get* is read, not write; s3:* is read and write")
    func readVersusWrite() throws {
        let read = try verdict(#"{"Effect": "Allow", "Principal": "*", "Action": "s3:Get*", "Resource": "*"}"#)
        #expect(read.reasons.first?.contains("to read: s3:Get*") == true)
        #expect(read.reasons.first?.contains("write") == false)
        let both = try verdict(#"{"Effect": "Allow", "Principal": "*", "Action": ["s3:*"], "Resource": "*"}"#)
        #expect(both.reasons.first?.contains("to read and write: s3:*") == true)
        let notAction = try verdict(#"{"Effect": "Allow", "Principal": "*", "NotAction": "s3:DeleteBucket", "Resource": "*"}"#)
        #expect(notAction.reasons.first?.contains("read and write: all but s3:DeleteBucket") == true)
        #expect(BucketExposure.classify("s3:List*") == (true, false))
        #expect(BucketExposure.classify("s3:PutObject") == (false, true))
        #expect(BucketExposure.classify("s3:*Object") == (true, true))
        #expect(BucketExposure.classify("sqs:SendMessage") == (false, false))
    }

    @Test("false positive avoided: an Allow to * limited to a VPC endpoint (aws:SourceVpce) is not public")
    func sourceVpce() throws {
        #expect(try !verdict(#"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}"#).isPublic)
    }

    @Test("each restricting key keeps an Allow to * private", arguments: [
        "aws:SourceIp", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceArn", "aws:SourceAccount", "aws:PrincipalOrgID",
        "aws:PrincipalAccount", "aws:PrincipalArn", "aws:userid", "aws:username", "aws:SourceOwner", "s3:DataAccessPointAccount",
    ])
    func restrictingKeys(key: String) throws {
        let value = key == "aws:SourceIp" ? "203.0.113.0/24" : "x-123"
        let statement = #"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"\#(key)": "\#(value)"}}}"#
        #expect(try !verdict(statement).isPublic)
    }

    @Test("conditions that let anyone through do not restrict: SecureTransport true, negation, IfExists, wildcards, 0.0.0.0/0")
    func nonRestrictingConditions() throws {
        let conditions = [
            #"{"Bool": {"aws:SecureTransport": "true"}}"#,
            #"{"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}"#,
            #"{"StringEqualsIfExists": {"aws:SourceVpce": "vpce-1"}}"#,
            #"{"StringLike": {"aws:PrincipalArn": "*"}}"#,
            #"{"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}"#,
            #"{"StringEquals": {"s3:x-amz-server-side-encryption": "AES256"}}"#,
        ]
        for condition in conditions {
            let statement = #"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": \#(condition)}"#
            #expect(try verdict(statement).isPublic, "condition \(condition)")
        }
    }

    @Test("RestrictPublicBuckets at bucket or account level neutralises a public policy")
    func restrictPublicBuckets() throws {
        #expect(try !verdict(publicRead, bucket: block(restrict: true)).isPublic)
        #expect(try !verdict(publicRead, account: block(restrict: true)).isPublic)
    }

    @Test("BlockPublicPolicy alone leaves an existing public policy in force (AWS: it does not affect existing policies), and says so")
    func blockPublicPolicyAlone() throws {
        let result = try verdict(publicRead, account: block(acls: true, policy: true))
        #expect(result.isPublic)
        #expect(result.reasons.first?.hasSuffix("(BlockPublicPolicy is on, but it does not affect an existing policy)") == true)
    }

    @Test("ACL grants to AllUsers or AuthenticatedUsers are public unless IgnorePublicAcls is on at either level")
    func aclGrants() {
        let grants = [
            ACLGrant(granteeType: "CanonicalUser", grantee: "abc", permission: "FULL_CONTROL"),
            ACLGrant(granteeType: "Group", grantee: "http://acs.amazonaws.com/groups/global/AllUsers", permission: "READ"),
            ACLGrant(granteeType: "Group", grantee: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", permission: "WRITE"),
            ACLGrant(granteeType: "Group", grantee: "http://acs.amazonaws.com/groups/s3/LogDelivery", permission: "WRITE"),
        ]
        let open = BucketExposure.evaluate(.init(acl: grants))
        #expect(open.reasons == [
            "ACL grants READ to AllUsers (anyone): read (list objects)",
            "ACL grants WRITE to AuthenticatedUsers (any AWS account): write (create, overwrite and delete objects)",
        ])
        #expect(!BucketExposure.evaluate(.init(acl: grants, bucketBlock: block(ignore: true))).isPublic)
        #expect(!BucketExposure.evaluate(.init(acl: grants, accountBlock: block(ignore: true))).isPublic)
        // BlockPublicAcls only refuses new public ACLs.
        #expect(BucketExposure.evaluate(.init(acl: grants, accountBlock: block(acls: true))).isPublic)
    }

    @Test("PolicyStatus.IsPublic is a reason only when nothing else found one and no block neutralises it")
    func policyStatus() throws {
        let alone = BucketExposure.evaluate(.init(policyStatusIsPublic: true))
        #expect(alone.isPublic)
        #expect(alone.reasons == ["S3 reports the bucket policy as public (GetBucketPolicyStatus IsPublic)"])
        #expect(!BucketExposure.evaluate(.init(accountBlock: block(restrict: true), policyStatusIsPublic: true)).isPublic)
        let both = BucketExposure.evaluate(.init(policy: try policy(publicRead), policyStatusIsPublic: true))
        #expect(both.reasons.count == 1)
        #expect(!BucketExposure.evaluate(.init(policyStatusIsPublic: false)).isPublic)
    }
}
