import Foundation
import PostureTesting
import Testing

/// `posture scan` as a CI job runs it: several reports from one scan, the exit-code table,
/// waivers and baselines, on the bundled demo snapshot (which has violations and one
/// unreadable part, so it is both failing and incomplete).
@Suite("posture scan: reports and the CI gate", .enabled(if: PostureBinary.url != nil, "the posture binary is built beside the tests"))
struct ScanOutputTests {
    static let demo = TestPaths.packageRoot().appendingPathComponent("snapshots/demo").path
    static let now = "2026-01-01T00:00:00Z"

    private func scan(_ arguments: [String], in folder: ScratchFolder? = nil) async throws -> CommandResult {
        try await PostureBinary.run(["scan", Self.demo, "--now", Self.now] + arguments, directory: folder?.url)
    }

    private func waivers(_ folder: ScratchFolder, expires: String = "2026-06-30", policy: String = "*") throws -> String {
        try folder.write("waivers.yaml", """
        waivers:
          - policy: "\(policy)"
            resource: "*"
            reason: Demo account, accepted for the test
            owner: qa
            expires: \(expires)
          - policy: no-such-policy
            resource: "*"
            reason: Stale on purpose
            expires: 2030-01-01
        """)
    }

    @Test("one scan writes every format; text stays on standard output")
    func everyFormat() async throws {
        let folder = try ScratchFolder("posture-outputs")
        let formats = ["json", "sarif", "junit", "ocsf", "csv", "markdown", "html"]
        let result = try await scan(formats.flatMap { ["--report", "\($0)=\(folder.path("report.\($0)"))"] })
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("posture scan of "))
        for format in formats {
            let size = (try? FileManager.default.attributesOfItem(atPath: folder.path("report.\(format)"))[.size] as? Int) ?? 0
            #expect(size > 500, "\(format) report missing or empty")
        }
    }

    @Test("--format/--output pairs: nothing on standard output; legacy --format json -o FILE still works")
    func pairs() async throws {
        let folder = try ScratchFolder("posture-outputs")
        let result = try await scan(["--format", "sarif", "--output", folder.path("p.sarif"), "--format", "junit", "--output", folder.path("p.xml")])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder.path("p.sarif")) && FileManager.default.fileExists(atPath: folder.path("p.xml")))
        let legacy = try await scan(["--format", "json", "-o", folder.path("r.json")])
        #expect(legacy.status == 1 && legacy.stdout.isEmpty)
        #expect(try String(contentsOfFile: folder.path("r.json"), encoding: .utf8).contains("\"schemaVersion\""))
    }

    @Test("the demo's SARIF, OCSF and JUnit validate", .enabled(if: TestPaths.shared("schemas") != nil, "../shared/schemas is absent"))
    func validates() async throws {
        let folder = try ScratchFolder("posture-outputs")
        let waiverFile = try waivers(folder, policy: "aws-s3-*")
        _ = try await scan(["--waivers", waiverFile, "--report", "sarif=\(folder.path("p.sarif"))", "--report", "ocsf=\(folder.path("p.ocsf"))",
                      "--report", "junit=\(folder.path("p.xml"))"], in: folder)
        let outcome = try await Python.validate(["sarif=\(folder.path("p.sarif"))", "ocsf=\(folder.path("p.ocsf"))", "junit=\(folder.path("p.xml"))"])
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    struct ExitCase: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        var waivers: String? = nil      // expiry date of a catch-all waiver
        var baseline = false
        let expected: Int32
        var testDescription: String { name }
    }

    static let exitCases: [ExitCase] = [
        ExitCase(name: "1: violations at or above --fail-on (default high)", arguments: [], expected: 1),
        ExitCase(name: "1: --fail-on critical still fails (public buckets)", arguments: ["--fail-on", "critical"], expected: 1),
        ExitCase(name: "3: no threshold, scan incomplete", arguments: ["--fail-on", "none"], expected: 3),
        ExitCase(name: "3: explicit --fail-on-incomplete", arguments: ["--fail-on", "none", "--fail-on-incomplete"], expected: 3),
        ExitCase(name: "0: no threshold and --allow-incomplete", arguments: ["--fail-on", "none", "--allow-incomplete"], expected: 0),
        ExitCase(name: "0: --soft-fail", arguments: ["--soft-fail"], expected: 0),
        ExitCase(name: "0: everything waived, incomplete allowed", arguments: ["--allow-incomplete"], waivers: "2026-06-30", expected: 0),
        ExitCase(name: "3: everything waived, scan incomplete", arguments: [], waivers: "2026-06-30", expected: 3),
        ExitCase(name: "1: the waivers expired", arguments: ["--allow-incomplete"], waivers: "2025-12-31", expected: 1),
        ExitCase(name: "0: nothing new since the baseline", arguments: ["--allow-incomplete"], baseline: true, expected: 0),
        ExitCase(name: "2: unknown report format", arguments: ["--report", "pdf=x.pdf"], expected: 2),
        ExitCase(name: "2: two reports on standard output", arguments: ["--format", "text", "--format", "json"], expected: 2),
        ExitCase(name: "2: missing baseline file", arguments: ["--baseline", "/nonexistent/baseline.json"], expected: 2),
    ]

    @Test("exit codes, as the README's table says", arguments: exitCases)
    func exitCodes(_ testCase: ExitCase) async throws {
        let folder = try ScratchFolder("posture-gate")
        var arguments = testCase.arguments
        if let expires = testCase.waivers { arguments += ["--waivers", try waivers(folder, expires: expires)] }
        if testCase.baseline {
            let previous = try await scan(["--format", "json", "-o", folder.path("baseline.json")])
            #expect(previous.status == 1)
            arguments += ["--baseline", folder.path("baseline.json")]
        }
        let result = try await scan(arguments)
        #expect(result.status == testCase.expected, "\(result.stderr)")
    }

    @Test("waived findings stay in the report as suppressed; expired and stale waivers are reported")
    func waiverReporting() async throws {
        let folder = try ScratchFolder("posture-gate")
        let file = try waivers(folder, policy: "aws-s3-bucket-public")
        let result = try await scan(["--waivers", file, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let waived = findings.filter { $0["waiver"] != nil }
        #expect(waived.count == 2, "the demo's two public buckets")
        #expect(waived.allSatisfy { ($0["policy"] as? [String: Any])?["id"] as? String == "aws-s3-bucket-public" })
        let states = ((report["waivers"] as? [String: Any])?["waivers"] as? [[String: Any]])?.compactMap { $0["state"] as? String }
        #expect(states == ["active", "stale"])
        #expect(result.stderr.contains("waivers.yaml:7: warning:") && result.stderr.contains("stale"), "\(result.stderr)")
        let text = try await scan(["--waivers", file])
        #expect(text.stdout.contains("WAIVED  aws-s3-bucket-public"))
    }

    @Test("a broken waiver file is exit 2 with FILE:LINE:COL")
    func badWaivers() async throws {
        let folder = try ScratchFolder("posture-gate")
        let file = try folder.write("w.yaml", "waivers:\n  - policy: p\n    resource: r\n    reason: x\n    expires: someday\n")
        let result = try await scan(["--waivers", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("w.yaml:5:14: error: 'expires' must be a date"), "\(result.stderr)")
    }

    @Test("fingerprints are the same across runs, scan times and snapshot locations")
    func stableFingerprints() async throws {
        let folder = try ScratchFolder("posture-fingerprints")
        try FileManager.default.copyItem(atPath: Self.demo, toPath: folder.path("copy"))
        func fingerprints(_ path: String, now: String) async throws -> [String] {
            let result = try await PostureBinary.run(["scan", path, "--now", now, "--format", "json", "--include-pass"])
            let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            return try #require(report["findings"] as? [[String: Any]]).compactMap { $0["fingerprint"] as? String }.sorted()
        }
        let first = try await fingerprints(Self.demo, now: Self.now)
        #expect(!first.isEmpty)
        #expect(try await fingerprints(Self.demo, now: Self.now) == first)
        #expect(try await fingerprints(Self.demo, now: "2027-03-01T00:00:00Z") == first)
        #expect(try await fingerprints(folder.path("copy"), now: Self.now) == first)
    }

    @Test("-o to a FIFO (or /dev/null) writes through it and leaves it what it was")
    func outputToSpecialFile() async throws {
        let folder = try TestPaths.temporaryFolder("posture-fifo")
        let fifo = folder.appendingPathComponent("report.pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = LockedText()
        let reader = Thread {
            let handle = FileHandle(forReadingAtPath: fifo)
            received.set(String(decoding: handle?.readDataToEndOfFile() ?? Data(), as: UTF8.self))
        }
        reader.start()
        let result = try await scan(["--format", "json", "-o", fifo, "--fail-on", "none", "--allow-incomplete"])
        #expect(result.status == 0, "\(result.stderr)")
        for _ in 0..<500 where received.value == nil { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(received.value?.contains("\"findings\"") == true)
        var info = stat()
        #expect(lstat(fifo, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced by a regular file")
    }
}

/// Runs `scripts/validate-reports.py` on written reports.
enum Python {
    static func validate(_ reports: [String]) async throws -> (status: Int32, output: String) {
        let schemas = try #require(TestPaths.shared("schemas"))
        let result = try await ChildRun.run(["python3", TestPaths.packageRoot().appendingPathComponent("scripts/validate-reports.py").path,
                                             "--schemas", schemas.path] + reports)
        return (result.status, result.stdout + result.stderr)
    }
}

final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    func set(_ value: String) { lock.withLock { text = value } }
    var value: String? { lock.withLock { text } }
}
