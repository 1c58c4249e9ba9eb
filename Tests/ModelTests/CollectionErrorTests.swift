import Model
import Testing

@Suite("Collection errors as printed")
struct CollectionErrorTests {
    @Test("source, region, code and message; the region once", arguments: [
        (CollectionError(source: "s3/x/get-bucket-acl.json (s3:GetBucketAcl)", region: "eu-west-1", code: "AccessDenied", message: "Access Denied"),
         "s3/x/get-bucket-acl.json (s3:GetBucketAcl): eu-west-1: AccessDenied: Access Denied"),
        (CollectionError(source: "s3:GetBucketPolicy eu-west-1 plant-logs", region: "eu-west-1", code: "AccessDenied", message: "Access Denied (HTTP 403)"),
         "s3:GetBucketPolicy eu-west-1 plant-logs: AccessDenied: Access Denied (HTTP 403)"),
        (CollectionError(source: "s3:GetBucketPolicy eu-west-1-archive", region: "eu-west-1", message: "no answer"),
         "s3:GetBucketPolicy eu-west-1-archive: eu-west-1: no answer"),
        (CollectionError(source: "iam/get-account-summary.json:3:7", message: "invalid JSON"),
         "iam/get-account-summary.json:3:7: invalid JSON"),
    ])
    func printed(_ error: CollectionError, _ expected: String) {
        #expect(error.description == expected)
    }
}
