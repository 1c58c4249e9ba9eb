import Foundation
@testable import PolicyEngine
import PostureTesting
import SourceText
import Testing
import Triage

/// The YAML shown in the README and docs/ is loaded as a user would paste it (Cloud Custodian
/// tests its documentation examples the same way): a policy must load against the model and
/// its examples behave; a waiver file must parse.
@Suite("YAML in the documentation")
struct DocumentationSnippetTests {
    struct Snippet: Sendable, CustomTestStringConvertible {
        let file: String
        let line: Int
        let text: String
        var testDescription: String { "\(file):\(line)" }
    }

    static let snippets: [Snippet] = {
        let root = TestPaths.packageRoot()
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
        let files = ["README.md", "snapshots/README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
        return files.flatMap { file -> [Snippet] in
            guard let text = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else { return [] }
            var snippets: [Snippet] = [], current: [Substring]?, start = 0
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if current == nil, line.trimmingCharacters(in: .whitespaces) == "```yaml" {
                    current = []
                    start = index + 2
                } else if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" {
                    snippets.append(Snippet(file: file, line: start, text: current!.joined(separator: "\n") + "\n"))
                    current = nil
                } else {
                    current?.append(line)
                }
            }
            return snippets
        }
    }()

    @Test("the documentation shows YAML at all")
    func found() {
        #expect(Self.snippets.contains { $0.text.hasPrefix("id:") } && Self.snippets.contains { $0.text.hasPrefix("waivers:") })
    }

    @Test("each policy or waiver file shown loads", arguments: snippets)
    func loads(_ snippet: Snippet) throws {
        if snippet.text.hasPrefix("waivers:") || snippet.text.hasPrefix("- policy:") {
            if case let .failure(problems) = WaiverSet.parse(snippet.text, file: snippet.testDescription) {
                Issue.record("\(problems)")
            }
            return
        }
        guard snippet.text.hasPrefix("id:") else { return } // other YAML (a CI job) is not posture's to load
        let folder = try ScratchFolder("posture-doc-policy")
        try FileManager.default.copyItem(atPath: TestPaths.policies().appendingPathComponent("responsibility.yaml").path,
                                         toPath: folder.path("responsibility.yaml"))
        try folder.write("snippet.yaml", snippet.text)
        switch PolicyCatalog.load(paths: [folder.path()], model: ModelFixtures.model) {
        case let .failure(problems):
            Issue.record("\(snippet.testDescription) does not load:\n\(problems)")
        case let .success(catalog):
            for outcome in ExampleRunner.run(catalog.policies) where !outcome.passed {
                Issue.record("\(snippet.testDescription): \(outcome.expectation.rawValue) example: \(outcome.problem ?? "")")
            }
        }
    }
}
