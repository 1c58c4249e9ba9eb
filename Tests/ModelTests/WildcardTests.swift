@testable import Model
import SourceText
import Testing

@Suite("IAM and ARN wildcards")
struct WildcardTests {
    @Test("IAM action patterns", arguments: [
        ("s3:Get*", "s3:GetObject", true),
        ("S3:get*", "s3:GetObject", true),
        ("s3:Get*", "s3:PutObject", false),
        ("*", "iam:PassRole", true),
        ("iam:?assRole", "iam:PassRole", true),
        ("iam:?assRole", "iam:PPassRole", false),
        ("iam:*Policy*", "iam:AttachUserPolicy", true),
        ("ec2:*", "ec2", false),
    ])
    func actions(pattern: String, action: String, expected: Bool) {
        #expect(Wildcard.matches(pattern: pattern, value: action, caseInsensitive: true) == expected)
    }

    @Test("hostile patterns stay fast and correct")
    func hostile() {
        let pattern = String(repeating: "a*", count: 200) + "b"
        let value = String(repeating: "a", count: 5_000)
        #expect(!Wildcard.matches(pattern: pattern, value: value, caseInsensitive: false))
    }

    @Test("ARN patterns", arguments: [
        ("*", "arn:aws:s3:::bucket", true),
        ("arn:aws:s3:::logs-*", "arn:aws:s3:::logs-prod", true),
        ("arn:aws:s3:::logs-*/*", "arn:aws:s3:::logs-prod/a/b", true),
        ("arn:aws:iam::*:role/admin", "arn:aws:iam::123456789012:role/admin", true),
        ("arn:aws:iam::*:role/admin", "arn:aws:iam::123456789012:role/Admin", false),
        ("arn:aws:iam::111111111111:role/*", "arn:aws:iam::222222222222:role/x", false),
        ("arn:aws:logs:*:*:log-group:a:*", "arn:aws:logs:us-east-1:1:log-group:a:log-stream:b", true),
    ])
    func arns(pattern: String, arn: String, expected: Bool) {
        #expect(ARNPattern.matches(pattern: pattern, arn: arn) == expected)
    }
}
