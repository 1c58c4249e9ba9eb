import Foundation
@testable import PolicyEngine
import PostureTesting
import SourceText

/// A scratch policy tree with a small responsibility map, for loader tests.
struct PolicyTree {
    let folder: ScratchFolder

    static let responsibility = """
    domains:
      - {id: identity-and-access, title: Identity and access, summary: Who may do what.}
      - {id: data-protection, title: Data protection, summary: Encryption and exposure.}
    providers:
      aws:
        reference: https://aws.amazon.com/compliance/shared-responsibility-model/
        models:
          iaas:
            identity-and-access: {owner: customer, rationale: Customers manage IAM.}
            data-protection: {owner: customer, rationale: Customers configure encryption.}
          paas:
            identity-and-access: {owner: customer, rationale: Customers manage IAM.}
            data-protection: {owner: shared, rationale: Provider encrypts some services by default.}
          saas:
            identity-and-access: {owner: shared, rationale: Customers manage users.}
            data-protection: {owner: shared, rationale: Customers classify data.}
    """

    /// A valid bucket policy, to be altered by tests.
    static let bucketPolicy = """
    id: test-bucket-encryption
    title: Bucket has no default encryption
    severity: high
    resource: bucket
    provider: aws
    responsibility: data-protection
    frameworks:
      cis-aws-foundations-5.0: ["2.1.1"]
    violation: "has(bucket.encryption) && !bucket.encryption.enabled"
    message: "Bucket {{ bucket.name }} has no default encryption"
    examples:
      fail:
        - encryption: {enabled: false}
      pass:
        - encryption: {enabled: true, algorithm: "aws:kms"}
        - name: unknown-encryption
    """

    init() throws {
        folder = try ScratchFolder("posture-policies")
        try folder.write("responsibility.yaml", Self.responsibility)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try folder.write("aws/\(name)", text) }

    func load() -> Result<PolicyCatalog, DiagnosticList> { PolicyCatalog.load(paths: [folder.path()], model: ModelFixtures.model) }

    /// The diagnostics of loading, as `file-relative:line:col code` strings for compact assertions.
    func problems() -> [String] {
        guard case let .failure(list) = load() else { return [] }
        return list.sorted.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line):\($0.location.column) \($0.code)" }
    }

    func messages() -> [String] {
        guard case let .failure(list) = load() else { return [] }
        return list.sorted.map(\.description)
    }
}
