import Foundation
@testable import PolicyEngine
import PostureTesting
import Testing

@Suite("Loading policy files")
struct PolicyLoaderTests {
    @Test("a valid policy loads with its metadata")
    func validPolicyLoads() throws {
        let tree = try PolicyTree()
        try tree.write("enc.yaml", PolicyTree.bucketPolicy)
        let catalog = try tree.load().get()
        let policy = try #require(catalog.policy(id: "test-bucket-encryption"))
        #expect(policy.severity == .high)
        #expect(policy.resource == .bucket)
        #expect(policy.frameworks["cis-aws-foundations-5.0"] == ["2.1.1"])
        #expect(policy.examples.fail.count == 1)
        #expect(policy.examples.pass.count == 2)
    }

    @Test("a list of policies in one file loads each")
    func listPerFile() throws {
        let tree = try PolicyTree()
        let second = PolicyTree.bucketPolicy.replacingOccurrences(of: "id: test-bucket-encryption", with: "id: test-two")
        let indent = { (text: String) in "- " + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ") }
        try tree.write("both.yaml", indent(PolicyTree.bucketPolicy) + "\n" + indent(second))
        #expect(try tree.load().get().policies.map(\.id).sorted() == ["test-bucket-encryption", "test-two"])
    }

    /// Each case: a change to the valid policy, and the one problem expected (file:line:col code).
    struct BadPolicy: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let expected: String
        var testDescription: String { name }
    }

    static let badPolicies: [BadPolicy] = [
        BadPolicy(name: "typo in a key", text: PolicyTree.bucketPolicy.replacingOccurrences(of: "violation:", with: "violaton:"),
                  expected: "p.yaml:9:1 unknown-key"),
        BadPolicy(name: "bad severity", text: PolicyTree.bucketPolicy.replacingOccurrences(of: "severity: high", with: "severity: hgh"),
                  expected: "p.yaml:3:11 invalid-value"),
        BadPolicy(name: "unknown responsibility domain",
                  text: PolicyTree.bucketPolicy.replacingOccurrences(of: "responsibility: data-protection", with: "responsibility: data-protecton"),
                  expected: "p.yaml:6:17 unknown-domain"),
        BadPolicy(name: "misspelt field in the expression",
                  text: PolicyTree.bucketPolicy.replacingOccurrences(of: "!bucket.encryption.enabled", with: "!bucket.encryptoin.enabled"),
                  expected: "p.yaml:9:46 undefined-field"),
        BadPolicy(name: "unbalanced parentheses",
                  text: PolicyTree.bucketPolicy.replacingOccurrences(of: "\"has(bucket.encryption) && !bucket.encryption.enabled\"", with: "\"(has(bucket.encryption) && !bucket.encryption.enabled\""),
                  expected: "p.yaml:9:66 syntax"),
        BadPolicy(name: "unknown field in an example",
                  text: PolicyTree.bucketPolicy.replacingOccurrences(of: "- encryption: {enabled: false}", with: "- encryption: {enabeld: false}"),
                  expected: "p.yaml:13:20 unknown-key"),
        BadPolicy(name: "unknown function in the message",
                  text: PolicyTree.bucketPolicy.replacingOccurrences(of: "{{ bucket.name }}", with: "{{ upper(bucket.name) }}"),
                  expected: "p.yaml:10:21 undeclared-function"),
        BadPolicy(name: "missing required key",
                  text: PolicyTree.bucketPolicy.replacingOccurrences(of: "title: Bucket has no default encryption\n", with: ""),
                  expected: "p.yaml:1:1 missing-key"),
    ]

    @Test("each mistake is one error at its file, line and column", arguments: badPolicies)
    func badPolicyIsReportedAtItsPlace(_ bad: BadPolicy) throws {
        let tree = try PolicyTree()
        try tree.write("p.yaml", bad.text)
        let problems = tree.problems()
        #expect(problems == [bad.expected], "\(tree.messages())")
    }

    @Test("a 10,000-deep expression is a clear error, not a crash")
    func deepExpression() throws {
        let tree = try PolicyTree()
        let deep = String(repeating: "(", count: 10_000) + "true" + String(repeating: ")", count: 10_000)
        try tree.write("p.yaml", PolicyTree.bucketPolicy.replacingOccurrences(
            of: "\"has(bucket.encryption) && !bucket.encryption.enabled\"", with: "\"\(deep)\""))
        let messages = tree.messages()
        #expect(messages.count == 1)
        #expect(messages.first?.contains("p.yaml:9:") == true)
        #expect(messages.first?.contains("nesting") == true, "\(messages)")
    }

    @Test("malformed YAML names the line and column")
    func malformedYAML() throws {
        let tree = try PolicyTree()
        try tree.write("p.yaml", "id: x\ntitle: [unclosed\nseverity: high\n")
        let problems = tree.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("p.yaml:") == true)
        #expect(problems.first?.hasSuffix("yaml-syntax") == true)
    }

    @Test("bytes that are not UTF-8 are reported at their line and column")
    func nonUTF8() throws {
        let tree = try PolicyTree()
        var data = Data("id: x\ntitle: caf".utf8)
        data.append(contentsOf: [0xE9, 0x0A])
        try tree.folder.write("aws/p.yaml", data)
        #expect(tree.problems() == ["p.yaml:2:11 encoding"])
    }

    @Test("an empty file is an error")
    func emptyFile() throws {
        let tree = try PolicyTree()
        try tree.write("p.yaml", "")
        #expect(tree.problems() == ["p.yaml:1:1 empty"])
    }

    @Test("duplicate ids across files are reported with the first place")
    func duplicateIDs() throws {
        let tree = try PolicyTree()
        try tree.write("a.yaml", PolicyTree.bucketPolicy)
        try tree.write("b.yaml", PolicyTree.bucketPolicy)
        guard case let .failure(list) = tree.load() else { Issue.record("expected a failure"); return }
        #expect(list.sorted.map(\.code) == ["duplicate-id"])
        #expect(list.sorted.first?.notes.first?.contains("a.yaml:1:1") == true)
    }

    @Test("errors of all files are collected in one run")
    func allErrorsCollected() throws {
        let tree = try PolicyTree()
        try tree.write("a.yaml", PolicyTree.bucketPolicy.replacingOccurrences(of: "severity: high", with: "severity: urgent"))
        try tree.write("b.yaml", "")
        try tree.write("c.yaml", PolicyTree.bucketPolicy.replacingOccurrences(of: "id: test-bucket-encryption", with: "id: other")
            .replacingOccurrences(of: "bucket.name", with: "bucket.nmae"))
        #expect(tree.problems().count == 3, "\(tree.messages())")
    }

    @Test("positions in a block scalar point into the right line")
    func blockScalarPositions() throws {
        let tree = try PolicyTree()
        let text = PolicyTree.bucketPolicy.replacingOccurrences(
            of: "violation: \"has(bucket.encryption) && !bucket.encryption.enabled\"",
            with: "violation: |\n  has(bucket.encryption) &&\n    !bucket.encrypton.enabled")
        try tree.write("p.yaml", text)
        #expect(tree.problems() == ["p.yaml:11:12 undefined-field"], "\(tree.messages())")
    }

    @Test("a violation that is not a bool is a load error")
    func nonBoolViolation() throws {
        let tree = try PolicyTree()
        try tree.write("p.yaml", PolicyTree.bucketPolicy.replacingOccurrences(
            of: "\"has(bucket.encryption) && !bucket.encryption.enabled\"", with: "bucket.name"))
        #expect(tree.problems().map { $0.split(separator: " ").last.map(String.init) ?? "" } == ["result-type"])
    }

    @Test("rendered diagnostics carry the source line and a caret")
    func caretRendering() throws {
        let tree = try PolicyTree()
        try tree.write("p.yaml", PolicyTree.bucketPolicy.replacingOccurrences(of: "severity: high", with: "severity: hgh"))
        guard case let .failure(list) = tree.load() else { Issue.record("expected a failure"); return }
        let rendered = try #require(list.sorted.first).rendered.split(separator: "\n").map(String.init)
        #expect(rendered[0].hasSuffix("p.yaml:3:11: error: severity must be one of critical, high, medium, low, info, not 'hgh'"))
        #expect(rendered[1] == "    severity: hgh")
        #expect(rendered[2] == "              ^")
        #expect(rendered[3] == "    note: did you mean 'high'?")
    }
}
