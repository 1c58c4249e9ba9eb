import Foundation
import PostureTesting
import Testing

/// `posture scan` end to end, on the bundled demo account, the real corpus, and bad input.
@Suite("posture scan", .enabled(if: PostureBinary.url != nil, "the posture binary is built beside the tests"))
struct ScanTests {
    let root = TestPaths.packageRoot()

    /// Runs a JSON scan and returns (exit status, failing policy ids by resource name, report).
    private func scan(_ path: String, _ extra: [String] = []) async throws -> (status: Int32, failures: [String: Set<String>], report: [String: Any], stderr: String) {
        let result = try await PostureBinary.run(["scan", path, "--format", "json"] + extra)
        let report = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]) ?? [:]
        var failures: [String: Set<String>] = [:]
        for finding in report["findings"] as? [[String: Any]] ?? [] where finding["status"] as? String == "fail" {
            let name = (finding["resource"] as? [String: Any])?["name"] as? String ?? ""
            let policy = (finding["policy"] as? [String: Any])?["id"] as? String ?? ""
            failures[name, default: []].insert(policy)
        }
        return (result.status, failures, report, result.stderr)
    }

    @Test("the demo account: real findings, exit 1")
    func demo() async throws {
        let result = try await scan(root.appendingPathComponent("snapshots/demo").path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.failures["kestrel-public-assets"]?.contains("aws-s3-bucket-public") == true)
        #expect(result.failures["kestrel-press-kit"]?.contains("aws-s3-bucket-public") == true)
        #expect(result.failures["kestrel-telemetry-raw"]?.contains("aws-s3-bucket-public") != true)
        #expect(result.failures["factory-admin-role"]?.contains("aws-iam-role-trust-public") == true)
        #expect(result.failures["plc-gateway"]?.contains("aws-iam-privilege-escalation") == true)
        #expect(result.failures["mes-integration"]?.contains("aws-iam-privilege-escalation") == true)
        #expect(result.failures["bob.ops"]?.contains("aws-iam-user-console-mfa") == true)
        #expect(result.failures["alice.admin"]?.contains("aws-iam-user-console-mfa") != true)
        #expect(result.failures["dave.dev"]?.contains("aws-iam-user-multiple-active-access-keys") == true)
        #expect(result.failures["123456789012"]?.contains("aws-iam-root-mfa") == true)
        #expect(result.failures["123456789012"]?.contains("aws-iam-password-policy-minimum-length") == true)
        #expect(result.failures["kestrel-audit"]?.contains("aws-cloudtrail-log-file-validation") == true)
        let scanInfo = try #require(result.report["scan"] as? [String: Any])
        #expect(scanInfo["accounts"] as? [String] == ["123456789012"])
    }

    @Test("iam-vulnerable: every privesc and fn identity is found, no fp trap is flagged as escalation",
          .enabled(if: TestPaths.shared("corpus/aws/iam-authz-details") != nil, "../shared/corpus is absent"))
    func iamVulnerable() async throws {
        let file = try #require(TestPaths.shared("corpus/aws/iam-authz-details/cloudsplaining-iam-vulnerable-authz-details.json"))
        let result = try await scan(file.path, ["--fail-on", "none"])
        #expect(result.status == 0)
        let escalation = "aws-iam-privilege-escalation"
        for number in 1...21 {
            let users = result.failures.filter { $0.key.hasPrefix("privesc\(number)-") && $0.key.hasSuffix("-user") }
            #expect(users.count == 1 && users.values.allSatisfy { $0.contains(escalation) }, "privesc\(number)")
        }
        for trap in ["fn1-privesc3-partial-user", "fn2-exploitableResourceConstraint-user", "fn3-exploitableConditionConstraint-user", "fn4-exploitableNotAction-user"] {
            #expect(result.failures[trap]?.contains(escalation) == true, "\(trap) must be found")
        }
        for trap in ["fp1-allow-and-deny-user", "fp3-deny-iam-user", "fp4-nonExploitableResourceConstraint-user", "fp5-nonExploitableConditionConstraint-user",
                     "fp2-allow-and-deny-multiple-policies-user"] {
            #expect(result.failures[trap]?.contains(escalation) != true, "\(trap) is a false-positive trap")
            #expect(result.failures[trap]?.contains("aws-iam-identity-admin-access") != true, "\(trap) has no effective admin")
        }
        #expect(result.failures["privesc-sre-user"]?.contains("aws-iam-identity-admin-access") == true)
        #expect(result.failures["privesc-permissive-role-trust"]?.contains("aws-iam-role-trust-account-root") == true)
        // A lone authorization-details file has no credential report: those policies are not assessed, once.
        let findings = result.report["findings"] as? [[String: Any]] ?? []
        let mfa = findings.filter { ($0["policy"] as? [String: Any])?["id"] as? String == "aws-iam-user-console-mfa" }
        #expect(mfa.count == 1 && mfa.first?["status"] as? String == "not_assessed")
    }

    @Test("CloudMapper's demo bundle: a public bucket by policy, a role trusting everyone",
          .enabled(if: TestPaths.shared("corpus/aws/cloudmapper-demo") != nil, "../shared/corpus is absent"))
    func cloudMapperDemo() async throws {
        let folder = try #require(TestPaths.shared("corpus/aws/cloudmapper-demo"))
        let result = try await scan(folder.path, ["--fail-on", "none"])
        #expect(result.failures["cloudmapper_demo"]?.contains("aws-s3-bucket-public") == true)
        #expect(result.failures["bad_role"]?.contains("aws-iam-role-trust-public") == true)
        #expect(result.failures["123456789012"]?.contains("aws-iam-root-access-key") == true)
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        let name: String
        let files: [String: String]
        let status: Int32
        let mentions: String
        var testDescription: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "truncated JSON", files: ["iam/get-account-authorization-details.json": #"{"UserDetailList": [{"UserName": "a""#],
                 status: 3, mentions: "get-account-authorization-details.json"),
        BadInput(name: "wrong type with a good file beside it", files: [
            "iam/get-account-authorization-details.json": #"{"UserDetailList": [], "Policies": [{"Arn": "arn:aws:iam::123456789012:policy/p", "PolicyVersionList": [{"IsDefaultVersion": true, "Document": {"Statement": 5}}]}]}"#,
            "s3/list-buckets.json": #"{"Buckets": [{"Name": "b1"}], "Owner": {"ID": "x"}}"#,
        ], status: 3, mentions: "Statement"),
        BadInput(name: "unknown files are listed as ignored", files: [
            "notes.txt": "hello", "s3/list-buckets.json": #"{"Buckets": [], "Owner": {"ID": "x"}}"#,
        ], status: 0, mentions: "notes.txt"),
        BadInput(name: "gzip that is not gzip", files: [
            "config.json.gz": "not gzip", "s3/list-buckets.json": #"{"Buckets": [], "Owner": {"ID": "x"}}"#,
        ], status: 3, mentions: "not gzip"),
        BadInput(name: "an empty folder", files: [:], status: 2, mentions: "no AWS configuration"),
    ]

    @Test("bad input: one clear error naming the file, exit 2 or 3, no crash", arguments: badInputs)
    func badInput(_ input: BadInput) async throws {
        let folder = try ScratchFolder("posture-bad-input")
        for (path, text) in input.files { try folder.write(path, text) }
        let result = try await PostureBinary.run(["scan", folder.path(), "--format", "json", "--fail-on", "none"])
        #expect(result.status == input.status, "\(result.stderr)\n\(result.stdout.prefix(400))")
        #expect((result.stdout + result.stderr).contains(input.mentions), "\(result.stderr)\n\(result.stdout.prefix(2000))")
    }

    @Test("a symbolic link loop and a non-UTF-8 file do not hang or crash")
    func linksAndBytes() async throws {
        let folder = try ScratchFolder("posture-bad-input")
        try folder.write("s3/list-buckets.json", #"{"Buckets": [{"Name": "b"}], "Owner": {"ID": "x"}}"#)
        try folder.write("iam/get-account-summary.json", Data([0x7B, 0xFF, 0xFE, 0x7D]))
        try FileManager.default.createSymbolicLink(atPath: folder.path("s3/loop"), withDestinationPath: folder.path("s3"))
        let result = try await PostureBinary.run(["scan", folder.path(), "--format", "json", "--fail-on", "none"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.contains("get-account-summary.json"))
    }

    @Test("a file over the size limit is skipped with a reason, not read")
    func hugeFile() async throws {
        let folder = try ScratchFolder("posture-bad-input")
        try folder.write("s3/list-buckets.json", #"{"Buckets": [], "Owner": {"ID": "x"}}"#)
        let big = folder.path("iam/get-account-authorization-details.json")
        try FileManager.default.createDirectory(atPath: folder.path("iam"), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
        try handle.truncate(atOffset: 1 << 30) // a sparse 1 GB file: no disk used
        try handle.close()
        let result = try await PostureBinary.run(["scan", folder.path(), "--format", "json", "--fail-on", "none"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.contains("over the limit"))
    }
}
