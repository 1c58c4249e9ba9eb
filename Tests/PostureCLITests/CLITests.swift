import Foundation
import PostureTesting
import Testing

/// The command line as a user meets it: exit codes, and what is printed where.
@Suite("posture command line", .enabled(if: PostureBinary.url != nil, "the posture binary is built beside the tests"))
struct CLITests {
    let policies = TestPaths.policies().path

    private func posture(_ arguments: String..., stdin: String? = nil) async throws -> CommandResult {
        try await PostureBinary.run(arguments, stdin: stdin)
    }

    @Test("policies validate: the bundled pack is valid")
    func validatePack() async throws {
        let result = try await posture("policies", "validate", policies)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("are valid"))
    }

    @Test("policies validate: every error of every file, then exit 2")
    func validateBad() async throws {
        let folder = try ScratchFolder()
        try FileManager.default.copyItem(atPath: policies + "/responsibility.yaml", toPath: folder.path("responsibility.yaml"))
        try folder.write("aws/a.yaml", "id: a\ntitle: [oops\n")
        try folder.write("aws/b.yaml", "")
        let result = try await posture("policies", "validate", folder.path())
        #expect(result.status == 2)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 2, "\(result.stderr)")
        #expect(errors.allSatisfy { $0.range(of: #"\.yaml:\d+:\d+: error: "#, options: .regularExpression) != nil })
    }

    @Test("policies test: ends with 'N passed, 0 failed' and exits 0")
    func testPack() async throws {
        let result = try await posture("policies", "test", policies)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.range(of: #"^\d+ passed, 0 failed$"#, options: .regularExpression) != nil, "\(last)")
    }

    @Test("policies test: a misbehaving example fails with its place and exit 1")
    func testFailingExample() async throws {
        let folder = try ScratchFolder()
        try FileManager.default.copyItem(atPath: policies + "/responsibility.yaml", toPath: folder.path("responsibility.yaml"))
        try folder.write("aws/p.yaml", """
        id: test-wrong-example
        title: Wrong example
        severity: low
        resource: bucket
        provider: aws
        responsibility: data-protection
        violation: "bucket.public"
        message: "public"
        examples:
          fail:
            - public: false
          pass:
            - public: false
        """)
        let result = try await posture("policies", "test", folder.path())
        #expect(result.status == 1)
        #expect(result.stdout.contains("p.yaml:11:7: FAILED test-wrong-example fail example"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("1 passed, 1 failed\n"))
    }

    @Test("policies list --format json is an array sorted by id")
    func listJSON() async throws {
        let result = try await posture("policies", "list", "--policies", policies, "--format", "json")
        #expect(result.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let ids = array.compactMap { $0["id"] as? String }
        #expect(!ids.isEmpty && ids == ids.sorted())
    }

    @Test("policies show: unknown id is exit 2 with a suggestion")
    func showUnknown() async throws {
        let list = try await posture("policies", "list", "--policies", policies, "--format", "json")
        let ids = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]).compactMap { $0["id"] as? String }
        let known = try #require(ids.first)
        #expect(try await posture("policies", "show", known, "--policies", policies).stdout.contains(known))
        let result = try await posture("policies", "show", String(known.dropLast()), "--policies", policies)
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean"))
    }

    @Test("policies schema bucket lists nested fields")
    func schema() async throws {
        let result = try await posture("policies", "schema", "bucket")
        #expect(result.status == 0)
        #expect(result.stdout.contains("encryption?"))
        #expect(result.stdout.contains("algorithm?"))
    }

    @Test("eval prints JSON with ints, doubles, timestamps and durations in their forms")
    func evalJSON() async throws {
        let result = try await posture("eval", "[x + 1, 2.0, timestamp('2024-01-01T00:00:00Z'), duration('1.5s'), {'k': x}]", "--input", "-",
                                 stdin: #"{"x": 41}"#)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == #"[42,2.0,"2024-01-01T00:00:00Z","1.5s",{"k":41}]"# + "\n")
    }

    @Test("eval: a syntax error is exit 2 with line and column")
    func evalSyntaxError() async throws {
        let result = try await posture("eval", "1 +\n (2")
        #expect(result.status == 2)
        #expect(result.stderr.contains("<expression>:2:"), "\(result.stderr)")
    }

    @Test("eval: an evaluation error is exit 1")
    func evalRuntimeError() async throws {
        let result = try await posture("eval", "1 / x", "--input", "-", stdin: #"{"x": 0}"#)
        #expect(result.status == 1)
        #expect(result.stderr.contains("division by zero") || result.stderr.contains("divide by zero"), "\(result.stderr)")
    }

    @Test("eval: malformed JSON input is exit 2 naming line and column")
    func evalBadInput() async throws {
        let result = try await posture("eval", "x", "--input", "-", stdin: "{\"x\": }")
        #expect(result.status == 2)
        #expect(result.stderr.contains("<stdin>:1:7"), "\(result.stderr)")
    }

    @Test("usage errors exit 2, --help exits 0")
    func usage() async throws {
        #expect(try await posture("policies", "list", "--no-such-flag").status == 2)
        #expect(try await posture("policies", "schema", "buckets").status == 2)
        let help = try await posture("policies", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("validate"))
    }
}
