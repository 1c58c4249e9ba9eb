import Foundation
import PostureTesting
import Testing

/// Findings and fingerprints must survive refactoring: users' baselines and waivers name them.
///
/// The golden files in `Parity/` were written by posture before the provider seam and the
/// neutral model existed (`POSTURE_RECORD_PARITY=1 swift test --filter FindingParity` records
/// them anew; that is never done to make a failing comparison pass). Each input is scanned with
/// every pass listed, at a fixed `--now`, and every finding is compared as one line: status,
/// policy, resource (kind, provider, account, region, id, name, source), fingerprint, message.
/// The scan's exit code, accounts, incomplete parts and ignored files are compared too.
///
/// Inputs: the demo snapshot, the corpus files posture reads directly, and the corpus'
/// wrapped recordings unpacked into bundles by `scripts/unpack-corpus.py`.
@Suite("Finding parity with the recorded reports", .enabled(if: PostureBinary.url != nil, "the posture binary is built beside the tests"))
struct FindingParityTests {
    static let root = TestPaths.packageRoot()
    static let recording = ProcessInfo.processInfo.environment["POSTURE_RECORD_PARITY"] == "1"
    static let now = "2026-12-01T00:00:00Z"

    /// Every input of one golden file: name → path.
    struct Group: Sendable, CustomTestStringConvertible {
        let name: String
        let inputs: @Sendable () throws -> [(name: String, path: String, placeholder: String)]
        var testDescription: String { name }
    }

    static let groups: [Group] = [
        Group(name: "demo") { [("snapshots/demo", root.appendingPathComponent("snapshots/demo").path, root.path)] },
        Group(name: "corpus-direct") {
            guard let corpus = TestPaths.shared("corpus/aws") else { return [] }
            let relative = [
                "cloudmapper-demo", "iam-authz-details/cloudsplaining-iam-vulnerable-authz-details.json",
                "iam-authz-details/cloudsplaining-teaching-authz-details.json",
                "credential-report/c7n-credential-report-619193117841-2016-root-key-active.csv",
                "credential-report/c7n-credential-report-644160558196-2017.csv",
                "credential-report/c7n-credential-report-644160558196-2021-edgecases.csv",
            ] + (try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("cloudmapper-demo").path))
                .sorted().map { "cloudmapper-demo/\($0)" }
            return relative.map { ($0, corpus.appendingPathComponent($0).path, corpus.path) }
        },
        Group(name: "corpus-unpacked") {
            guard let corpus = TestPaths.shared("corpus/aws") else { return [] }
            let out = try TestPaths.temporaryFolder("posture-parity")
            let result = try ChildRun.runBlocking(["python3", root.appendingPathComponent("scripts/unpack-corpus.py").path, corpus.path, out.path])
            guard result.status == 0 else { throw ParityError("unpack-corpus.py failed: \(result.stderr)") }
            return result.stdout.split(separator: "\n").map { line in
                (String(line.dropFirst(out.path.count + 1)), String(line), out.path)
            }
        },
    ]

    @Test("every finding, fingerprint and exit code is as recorded", arguments: groups)
    func parity(group: Group) async throws {
        let inputs = try group.inputs()
        try #require(!inputs.isEmpty || group.name != "demo")
        guard !inputs.isEmpty else { return } // ../shared/corpus is absent: nothing to compare
        var digests: [String: Digest] = [:]
        try await withThrowingTaskGroup(of: (String, Digest).self) { tasks in
            var pending = inputs[...]
            func start() {
                guard let input = pending.popFirst() else { return }
                tasks.addTask { (input.name, try await Self.digest(input.path, placeholder: input.placeholder)) }
            }
            for _ in 0..<4 { start() }
            while let (name, digest) = try await tasks.next() {
                digests[name] = digest
                start()
            }
        }
        let golden = Self.root.appendingPathComponent("Tests/PostureCLITests/Parity/\(group.name).json")
        if Self.recording {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(digests).write(to: golden)
            return
        }
        let expected = try JSONDecoder().decode([String: Digest].self, from: Data(contentsOf: golden))
        #expect(Set(digests.keys) == Set(expected.keys), "inputs differ from the recorded ones")
        for name in expected.keys.sorted() {
            guard let actual = digests[name], let recorded = expected[name] else { continue }
            #expect(actual.status == recorded.status, "\(name): exit \(actual.status), recorded \(recorded.status)")
            #expect(actual.accounts == recorded.accounts, "\(name): accounts")
            Self.compare(actual.findings, recorded.findings, "\(name): findings")
            Self.compare(actual.incomplete, recorded.incomplete, "\(name): incomplete parts")
            Self.compare(actual.ignored, recorded.ignored, "\(name): ignored files")
        }
    }

    /// Lines only one side has, each named, so that a failure says exactly what changed.
    static func compare(_ actual: [String], _ recorded: [String], _ what: String) {
        guard actual != recorded else { return }
        let gone = recorded.filter { !actual.contains($0) }.prefix(10)
        let added = actual.filter { !recorded.contains($0) }.prefix(10)
        Issue.record("\(what) differ (\(actual.count) now, \(recorded.count) recorded)\n- recorded only:\n  \(gone.joined(separator: "\n  "))\n+ now only:\n  \(added.joined(separator: "\n  "))")
    }

    struct Digest: Codable, Sendable {
        var status: Int32
        var accounts: [String]
        var findings: [String]
        var incomplete: [String]
        var ignored: [String]
    }

    /// Scans `path` and reduces the JSON report to comparable lines, with `placeholder` (the
    /// folder the input lives in) written as `$ROOT` so that the recording holds no local path.
    static func digest(_ path: String, placeholder: String) async throws -> Digest {
        let result = try await PostureBinary.run(["scan", path, "--include-pass", "--format", "json", "--now", now, "--fail-on", "none"])
        func clean(_ text: String) -> String { text.replacingOccurrences(of: placeholder, with: "$ROOT") }
        guard let report = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            return Digest(status: result.status, accounts: [], findings: [], incomplete: [], ignored: [])
        }
        let scan = report["scan"] as? [String: Any] ?? [:]
        let findings = (report["findings"] as? [[String: Any]] ?? []).map { finding -> String in
            let policy = finding["policy"] as? [String: Any] ?? [:]
            let resource = finding["resource"] as? [String: Any] ?? [:]
            let source = resource["source"] as? [String: Any] ?? [:]
            let fields: [Any?] = [
                finding["status"], policy["id"], resource["kind"], resource["provider"], resource["account"], resource["region"],
                resource["id"], resource["name"], source["kind"], source["location"], source["line"], finding["fingerprint"], finding["message"],
            ]
            return clean(fields.map { $0.map { "\($0)" } ?? "-" }.joined(separator: " | "))
        }
        let incomplete = (scan["incomplete"] as? [[String: Any]] ?? []).map { error -> String in
            let fields: [Any?] = [error["source"], error["account"], error["region"], error["dataSet"], error["code"], error["message"]]
            return clean(fields.map { $0.map { "\($0)" } ?? "-" }.joined(separator: " | "))
        }
        return Digest(status: result.status, accounts: scan["accounts"] as? [String] ?? [], findings: findings,
                      incomplete: incomplete, ignored: (scan["ignoredFiles"] as? [String] ?? []).map(clean))
    }
}

struct ParityError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
