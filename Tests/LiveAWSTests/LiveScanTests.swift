import Foundation
import PostureTesting
import Testing

/// `posture scan aws --live` and `posture snapshot aws` against a real AWS-compatible server
/// (moto_server on loopback), each test in an account of its own seeded with boto3.
@Suite("Live AWS scan against moto_server", .enabled(if: PostureBinary.url != nil, "the posture binary is built beside the tests"))
struct LiveScanTests {
    static let regions = "us-east-1,eu-west-1"

    /// What seed-live-account.py plants, as `policy resource-name` of every failing finding.
    /// moto answers Access Analyzer with HTTP 500 (not emulated), so that policy is not assessed
    /// and the scan is incomplete; everything else is collected.
    static func expectedFailures(_ seeded: SeededAccount) -> Set<String> {
        let account = seeded.account
        let eu = "tern-eu-\(account)", logs = "tern-logs-\(account)", pub = "tern-public-\(account)", recipes = "tern-recipes-\(account)"
        var expected: [String] = [
            // critical
            "aws-iam-role-trust-public vendor-open", "aws-iam-root-mfa \(account)",
            "aws-s3-bucket-public \(eu)", "aws-s3-bucket-public \(pub)",
            // high
            "aws-cloudtrail-multi-region-trail \(account)", "aws-iam-identity-admin-access cell-admins",
            "aws-iam-identity-admin-access cara", "aws-iam-policy-full-admin-attached cell-admins",
            "aws-iam-privilege-escalation plc-gateway", "aws-iam-user-console-mfa ana",
            // medium
            "aws-cloudtrail-kms-encryption tern-audit", "aws-cloudtrail-log-file-validation tern-audit",
            "aws-config-recorder-all-regions \(account)", "aws-iam-password-policy-minimum-length \(account)",
            "aws-iam-user-access-key-at-setup ana", "aws-iam-user-multiple-active-access-keys plc-gateway",
            "aws-kms-key-rotation \(seeded.keys["stale"] ?? "?")", "aws-s3-account-public-access-block \(account)",
            // low
            "aws-cloudtrail-bucket-access-logging \(logs)", "aws-cloudtrail-cloudwatch-logs tern-audit",
            "aws-cloudtrail-s3-data-events-read tern-audit", "aws-cloudtrail-s3-data-events-write tern-audit",
            "aws-iam-password-policy-reuse-prevention \(account)", "aws-iam-support-role \(account)",
            "aws-iam-user-direct-policies ana", "aws-iam-user-direct-policies plc-gateway",
            "aws-s3-bucket-sse-kms \(recipes)",
        ]
        for bucket in [eu, logs, pub] {
            expected += ["aws-s3-bucket-default-encryption", "aws-s3-bucket-public-access-block", "aws-s3-bucket-access-logging",
                         "aws-s3-bucket-versioning"].map { "\($0) \(bucket)" }
        }
        for bucket in [eu, logs, pub, recipes] {
            expected += ["aws-s3-bucket-secure-transport \(bucket)", "aws-s3-bucket-mfa-delete \(bucket)"]
        }
        return Set(expected)
    }

    @Test("the live scan finds exactly what was seeded; the offline scan of its snapshot gives identical findings")
    func liveScanAndSnapshotParity() async throws {
        let seeded = try await SeededAccount.seed()
        let environment = try seeded.environment()
        let folder = try TestPaths.temporaryFolder("posture-live")
        let liveReport = folder.appendingPathComponent("live.json").path
        let live = try await posture(["scan", "aws", "--live", "--regions", Self.regions, "--fail-on", "none",
                                          "--report", "json=\(liveReport)"], environment: environment)
        // Incomplete (exit 3): moto does not emulate Access Analyzer, and says so with HTTP 500.
        #expect(live.status == 3, "\(live.stderr)")
        // Not a terminal: no progress line, only the one-line summary.
        #expect(!live.stderr.contains("\u{1B}[K"), "\(live.stderr)")
        #expect(live.stderr.contains("API calls"), "\(live.stderr)")
        let liveFindings = try ReportedFindings.read(liveReport)
        #expect(liveFindings.scan.accounts == [seeded.account])
        let expected = Self.expectedFailures(seeded)
        #expect(liveFindings.failing.subtracting(expected).sorted() == [], "found but not seeded")
        #expect(expected.subtracting(liveFindings.failing).sorted() == [], "seeded but not found")
        #expect(liveFindings.scan.incomplete.map(\.dataSet) == ["access-analyzer", "access-analyzer"], "\(liveFindings.scan.incomplete)")
        #expect(liveFindings.findings.contains { $0.policy.id == "aws-iam-access-analyzer-all-regions" && $0.status == "not_assessed" })

        let bundle = folder.appendingPathComponent("bundle").path
        let snapshot = try await posture(["snapshot", "aws", "--out", bundle, "--regions", Self.regions], environment: environment)
        #expect(snapshot.status == 3, "\(snapshot.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: bundle)[.posixPermissions] as? Int == 0o700)
        let files = try FileManager.default.subpathsOfDirectory(atPath: bundle)
        for file in files where file.hasSuffix(".json") {
            #expect(try FileManager.default.attributesOfItem(atPath: bundle + "/" + file)[.posixPermissions] as? Int == 0o600, "\(file)")
        }
        #expect(files.contains("s3/buckets/tern-eu-\(seeded.account)/get-bucket-acl.json"))
        #expect(files.contains("cloudtrail/us-east-1/get-event-selectors--tern-audit.json"))

        let offlineReport = folder.appendingPathComponent("offline.json").path
        let offline = try await posture(["scan", bundle, "--fail-on", "none", "--report", "json=\(offlineReport)"],
                                            environment: [:])
        #expect(offline.status == 3, "\(offline.stderr)")
        let offlineFindings = try ReportedFindings.read(offlineReport)
        #expect(Self.comparable(offlineFindings) == Self.comparable(liveFindings))
    }

    /// Findings without their sources (an API call live, a file offline).
    static func comparable(_ report: ReportedFindings) -> [String] {
        report.findings.map { "\($0.policy.id) | \($0.resource.id) | \($0.status) | \($0.message) | \($0.fingerprint)" }.sorted()
    }

    @Test("on a terminal a progress line is redrawn on standard error; --quiet silences it")
    func progressOnTerminal() async throws {
        let seeded = try await SeededAccount.seed()
        let posture = try #require(PostureBinary.url).path
        // util-linux's script(1) gives the scan a pseudo-terminal and copies what it shows.
        func underTerminal(_ extra: [String]) async throws -> String {
            let command = ([posture, "scan", "aws", "--live", "--fail-on", "none", "--format", "json", "-o", "/dev/null"] + extra)
                .map { "'\($0)'" }.joined(separator: " ")
            let result = try await shell(["script", "-qec", command, "/dev/null"], environment: try seeded.environment().merging(["TERM": "xterm"]) { $1 })
            #expect(result.status == 3, "\(result.stdout)")
            return result.stdout
        }
        let shown = try await underTerminal([])
        #expect(shown.contains("\r\u{1B}[Kposture scan aws --live: "), "\(shown)")
        #expect(shown.contains(" calls, ") && shown.contains(" retries, "), "\(shown)")
        let quiet = try await underTerminal(["--quiet"])
        #expect(!quiet.contains("\u{1B}[K") && !quiet.contains("API calls"), "\(quiet)")
    }
}
