import CEL
import Foundation
import Model
@testable import PolicyEngine
import PostureTesting
import Testing

@Suite("Evaluating policies on an inventory")
struct PolicyEvaluatorTests {
    private func catalog(_ extra: [(String, String)] = []) throws -> PolicyCatalog {
        let tree = try PolicyTree()
        try tree.write("enc.yaml", PolicyTree.bucketPolicy)
        for (name, text) in extra { try tree.write(name, text) }
        return try tree.load().get()
    }

    private func bucket(_ name: String, encryption: BucketEncryption?) -> Bucket {
        var bucket = ModelFixtures.bucket
        bucket.id = "arn:aws:s3:::\(name)"
        bucket.name = name
        bucket.encryption = encryption
        return bucket
    }

    @Test("fail, pass, and unknown data are told apart")
    func passFailAndAbsent() throws {
        let inventory = Inventory(buckets: [
            bucket("plain", encryption: BucketEncryption(enabled: false)),
            bucket("sealed", encryption: BucketEncryption(enabled: true, algorithm: "AES256")),
            bucket("unknown", encryption: nil),
        ])
        let findings = try PolicyEvaluator(policies: catalog().policies, model: ModelFixtures.model, now: Date()).evaluate(inventory)
        let byName = Dictionary(uniqueKeysWithValues: findings.map { ($0.resource.name, $0) })
        #expect(byName["plain"]?.status == .fail)
        #expect(byName["plain"]?.message == "Bucket plain has no default encryption")
        #expect(byName["sealed"]?.status == .pass)
        #expect(byName["unknown"]?.status == .pass)
        #expect(byName["plain"]?.resource.account == "123456789012")
        #expect(byName["plain"]?.resource.region == "eu-west-1")
        #expect(byName["plain"]?.policy.severity == .high)
    }

    @Test("an expression that fails on a resource is an error result, never a pass")
    func evaluationErrorIsReported() throws {
        let unguarded = PolicyTree.bucketPolicy
            .replacingOccurrences(of: "id: test-bucket-encryption", with: "id: test-unguarded")
            .replacingOccurrences(of: "\"has(bucket.encryption) && !bucket.encryption.enabled\"", with: "\"!bucket.encryption.enabled\"")
            .replacingOccurrences(of: "        - name: unknown-encryption\n", with: "")
        let findings = try PolicyEvaluator(policies: catalog([("unguarded.yaml", unguarded)]).policies, model: ModelFixtures.model, now: Date())
            .evaluate(Inventory(buckets: [bucket("unknown", encryption: nil)]))
        let finding = try #require(findings.first { $0.policy.id == "test-unguarded" })
        #expect(finding.status == .error)
        #expect(finding.message.contains("encryption"), "\(finding.message)")
    }

    @Test("a policy whose data set is missing is not assessed")
    func missingDataSetIsNotAssessed() throws {
        let needsS3 = PolicyTree.bucketPolicy.replacingOccurrences(of: "severity: high", with: "severity: high\nrequires: [s3]")
        let tree = try PolicyTree()
        try tree.write("p.yaml", needsS3)
        let policies = try tree.load().get().policies
        var account = ModelFixtures.account
        account.coverage = ["iam"]
        let inventory = Inventory(accounts: [account], buckets: [bucket("plain", encryption: BucketEncryption(enabled: false))])
        let findings = PolicyEvaluator(policies: policies, model: ModelFixtures.model, now: Date()).evaluate(inventory)
        #expect(findings.map(\.status) == [.notAssessed])
        #expect(findings.first?.message == "not assessed: no s3 data")
    }

    @Test("every resource of the kind gets exactly one finding per policy, in stable order")
    func oneFindingPerPair() throws {
        let buckets = (0..<500).map { bucket(String(format: "b%03d", $0), encryption: BucketEncryption(enabled: $0 % 2 == 0)) }
        let findings = try PolicyEvaluator(policies: catalog().policies, model: ModelFixtures.model, now: Date()).evaluate(Inventory(buckets: buckets.shuffled()))
        #expect(findings.count == 500)
        #expect(findings.map(\.resource.name) == buckets.map(\.name))
        #expect(findings.filter { $0.status == .fail }.count == 250)
    }

    @Test("now is the scan time")
    func nowIsBound() throws {
        let old = PolicyTree.bucketPolicy
            .replacingOccurrences(of: "id: test-bucket-encryption", with: "id: test-old")
            .replacingOccurrences(of: "\"has(bucket.encryption) && !bucket.encryption.enabled\"",
                                  with: "\"has(bucket.created) && now - bucket.created > duration('8760h')\"")
            .replacingOccurrences(of: "- encryption: {enabled: false}", with: "- created: 2020-01-01T00:00:00Z")
            .replacingOccurrences(of: "- encryption: {enabled: true, algorithm: \"aws:kms\"}", with: "- created: 2024-12-01T00:00:00Z")
        let policies = try catalog([("old.yaml", old)]).policies.filter { $0.id == "test-old" }
        var young = bucket("young", encryption: nil)
        young.created = Date(timeIntervalSince1970: 1_700_000_000) // 2023-11-14
        let inVain = PolicyEvaluator(policies: policies, model: ModelFixtures.model, now: Date(timeIntervalSince1970: 1_700_100_000)).evaluate(Inventory(buckets: [young]))
        let later = PolicyEvaluator(policies: policies, model: ModelFixtures.model, now: Date(timeIntervalSince1970: 1_800_000_000)).evaluate(Inventory(buckets: [young]))
        #expect(inVain.map(\.status) == [.pass])
        #expect(later.map(\.status) == [.fail])
    }
}

@Suite("Policies without data")
struct UnassessablePolicyTests {
    @Test("a bucket policy is not assessed on an account whose input has no S3 data")
    func notAssessedWithoutResources() throws {
        let tree = try PolicyTree()
        try tree.write("p.yaml", PolicyTree.bucketPolicy.replacingOccurrences(of: "severity: high", with: "severity: high\nrequires: [s3]"))
        let policies = try tree.load().get().policies
        var account = ModelFixtures.account
        account.coverage = ["iam"]
        let findings = PolicyEvaluator(policies: policies, model: ModelFixtures.model, now: Date()).evaluate(Inventory(accounts: [account]))
        #expect(findings.map(\.status) == [.notAssessed])
        #expect(findings.first?.resource.kind == .account)
        #expect(findings.first?.message == "not assessed: no s3 data")
        account.coverage = ["iam", "s3"]
        #expect(PolicyEvaluator(policies: policies, model: ModelFixtures.model, now: Date()).evaluate(Inventory(accounts: [account])).isEmpty)
    }
}

@Suite("Order of findings")
struct FindingOrderTests {
    /// Kinds and chunks are evaluated side by side; the result must still read policy by
    /// policy (id order), resources by id, with a policy's *not assessed* accounts last.
    @Test("findings are ordered by policy id, then resource id, not-assessed accounts after each policy's resources")
    func orderAcrossPoliciesAndAccounts() throws {
        let tree = try PolicyTree()
        for id in ["zzz-plain", "aaa-needs-s3", "mmm-plain"] {
            let requires = id.contains("s3") ? "\nrequires: [s3]" : ""
            try tree.write("\(id).yaml", PolicyTree.bucketPolicy
                .replacingOccurrences(of: "id: test-bucket-encryption", with: "id: \(id)")
                .replacingOccurrences(of: "severity: high", with: "severity: high\(requires)"))
        }
        let policies = try tree.load().get().policies
        var covered = ModelFixtures.account, bare = ModelFixtures.account
        bare.id = "arn:aws:iam::210987654321:root"
        bare.account = "210987654321"
        bare.coverage = ["iam"]
        let buckets = (0..<300).map { index in
            var bucket = ModelFixtures.bucket
            bucket.id = String(format: "arn:aws:s3:::b%03d", index)
            bucket.account = index % 3 == 0 ? bare.account : covered.account
            bucket.encryption = BucketEncryption(enabled: index % 2 == 0)
            return bucket
        }
        covered.coverage = ModelExtension.aws.dataSets.map(\.rawValue)
        let findings = PolicyEvaluator(policies: policies, model: ModelFixtures.model, now: Date())
            .evaluate(Inventory(accounts: [covered, bare].shuffled(), buckets: buckets.shuffled()))
        let sortedIDs = buckets.map(\.id).sorted()
        let inCovered = buckets.filter { $0.account == covered.account }.map(\.id).sorted()
        let expected = inCovered.map { ("aaa-needs-s3", $0) } + [("aaa-needs-s3", bare.id)]
            + sortedIDs.map { ("mmm-plain", $0) } + sortedIDs.map { ("zzz-plain", $0) }
        #expect(findings.map { "\($0.policy.id) \($0.resource.id)" } == expected.map { "\($0.0) \($0.1)" })
        #expect(findings.filter { $0.status == .notAssessed }.map(\.resource.kind) == [.account])
    }
}

@Suite("Resource-level requirements")
struct ResourceRequirementTests {
    @Test("a bucket whose policy was not collected is not assessed by a policy that needs it")
    func bucketSetting() throws {
        let tree = try PolicyTree()
        try tree.write("p.yaml", PolicyTree.bucketPolicy.replacingOccurrences(of: "severity: high", with: "severity: high\nrequires: [bucket.encryption]"))
        let policies = try tree.load().get().policies
        var unknown = ModelFixtures.bucket
        unknown.encryption = BucketEncryption(enabled: false)
        unknown.collected = ["policy"]
        var known = unknown
        known.id = "arn:aws:s3:::known"
        known.collected = ["encryption"]
        let findings = PolicyEvaluator(policies: policies, model: ModelFixtures.model, now: Date()).evaluate(Inventory(buckets: [unknown, known]))
        #expect(findings.first { $0.resource.id == unknown.id }?.status == .notAssessed)
        #expect(findings.first { $0.resource.id == unknown.id }?.message == "not assessed: no bucket encryption data")
        #expect(findings.first { $0.resource.id == known.id }?.status == .fail)
    }

    @Test("an unknown resource-level requirement is a load error")
    func unknownSetting() throws {
        let tree = try PolicyTree()
        try tree.write("p.yaml", PolicyTree.bucketPolicy.replacingOccurrences(of: "severity: high", with: "severity: high\nrequires: [bucket.polcy]"))
        #expect(tree.problems().count == 1)
    }
}
