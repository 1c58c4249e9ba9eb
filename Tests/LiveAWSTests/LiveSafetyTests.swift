import Foundation
import PostureTesting
import Testing
@testable import ProviderAWS

/// What a live scan sends and what it prints: read-only calls only, no secret anywhere, and
/// faults on the wire either retried away or reported as incomplete — never a hang.
@Suite("Live AWS scan: read-only, secrets, faults", .enabled(if: PostureBinary.url != nil, "the posture binary is built beside the tests"))
struct LiveSafetyTests {
    /// A read-only action: Get/List/Describe, or IAM's request to build the credential report.
    static func isReadOnly(_ operation: String) -> Bool {
        ["Get", "List", "Describe"].contains { operation.hasPrefix($0) } || operation == "GenerateCredentialReport"
    }

    @Test("every operation the collector can send is read-only, and the wire model holds no other")
    func operationsAreReadOnly() {
        for operation in LiveOperation.all {
            #expect(Self.isReadOnly(operation.operationName), "\(operation)")
            if let permission = operation.permission {
                let action = String(permission.split(separator: ":").last ?? "")
                #expect(Self.isReadOnly(action), "\(permission)")
            }
        }
        // Requests are built from the generated model only: it must not hold a write operation.
        let model = AWSWireModel.standard
        #expect(model.operations.count >= LiveOperation.all.count)
        for operation in model.operations {
            #expect(Self.isReadOnly(operation.name), "\(operation.service):\(operation.name)")
        }
        for operation in LiveOperation.all {
            let found: AWSOperation? = switch operation {
            case let .call(call): model.operation(for: call)
            case .generateCredentialReport: model.operation(for: AWSAuxiliaryOperation.generateCredentialReport)
            case .describeRegions: model.operation(for: AWSAuxiliaryOperation.describeRegions)
            }
            #expect(found != nil, "\(operation) has no model")
            // REST APIs: reads are GETs (S3, S3 Control, Access Analyzer).
            if let found, found.requestURI != "/" { #expect(found.httpMethod == "GET", "\(operation)") }
        }
    }

    @Test("a scan sends only read-only requests, and no secret reaches output, reports or the snapshot")
    func wireAndSecrets() async throws {
        var seeded = try await SeededAccount.seed()
        // Marker values: moto finds the account by the access key id and checks no signature,
        // so the secret key and the session token can be strings nothing else would print.
        seeded.SecretAccessKey = "MarkerSecretKey/" + UUID().uuidString
        seeded.SessionToken = "MarkerSessionToken+" + UUID().uuidString + UUID().uuidString
        let proxy = try await FaultProxy(upstream: Moto.url(), arguments: [])
        defer { proxy.stop() }
        let folder = try TestPaths.temporaryFolder("posture-live-secrets")
        var environment = try seeded.environment(endpoint: proxy.url)
        let report = folder.appendingPathComponent("report.json").path
        let sarif = folder.appendingPathComponent("report.sarif").path
        let scan = try await posture(["scan", "aws", "--live", "--verbose", "--fail-on", "none", "--report", "json=\(report)",
                                          "--report", "sarif=\(sarif)", "--format", "text"], environment: environment)
        #expect([0, 1, 3].contains(scan.status), "\(scan.stderr)")
        #expect(scan.stderr.contains("HTTP 200"), "--verbose logs each request")
        #expect(try ReportedFindings.read(report).scan.accounts == [seeded.account], "the scan ran with the marker credentials")
        let bundle = folder.appendingPathComponent("bundle").path
        environment["AWS_PROFILE"] = nil
        let snapshot = try await posture(["snapshot", "aws", "--out", bundle, "--verbose"], environment: environment)
        #expect([0, 3].contains(snapshot.status), "\(snapshot.stderr)")

        let requests = try proxy.requests()
        #expect(requests.count > 20)
        for request in requests {
            if let action = request.action ?? request.target.map({ String($0.split(separator: ".").last ?? "") }) {
                #expect(Self.isReadOnly(action), "\(request)")
            } else {
                // REST (S3, S3 Control, Access Analyzer): reads only.
                #expect(request.method == "GET", "\(request)")
            }
        }
        let signatures = Set(requests.compactMap(\.signature))
        #expect(!signatures.isEmpty)
        var texts = [scan.stdout, scan.stderr, snapshot.stdout, snapshot.stderr,
                     try String(contentsOfFile: report, encoding: .utf8), try String(contentsOfFile: sarif, encoding: .utf8)]
        for file in try FileManager.default.subpathsOfDirectory(atPath: bundle) where file.hasSuffix(".json") {
            texts.append(try String(contentsOfFile: bundle + "/" + file, encoding: .utf8))
        }
        let secrets = [seeded.SecretAccessKey, seeded.SessionToken, "MarkerSecretKey", "MarkerSessionToken"] + signatures
        for secret in secrets {
            #expect(!texts.contains { $0.contains(secret) }, "a secret value (\(secret.prefix(4))…) was printed or written")
        }
    }

    @Test("a proxy from the environment (http_proxy) carries every request")
    func proxyFromEnvironment() async throws {
        let seeded = try await SeededAccount.seed()
        // The fault proxy without faults, used as a forward proxy: it relays absolute-URI
        // requests to moto, which answers them, and logs each one.
        let proxy = try await FaultProxy(upstream: Moto.url(), arguments: [])
        defer { proxy.stop() }
        var environment = try seeded.environment()
        environment["http_proxy"] = "http://127.0.0.1:\(proxy.server.port)"
        environment["no_proxy"] = ""
        environment["NO_PROXY"] = ""
        let folder = try TestPaths.temporaryFolder("posture-live-proxy")
        let report = folder.appendingPathComponent("report.json").path
        let scan = try await posture(["scan", "aws", "--live", "--quiet", "--fail-on", "none", "--report", "json=\(report)"], environment: environment)
        #expect(scan.status == 3, "\(scan.stderr)")
        let requests = try proxy.requests()
        #expect(requests.contains { $0.action == "GetCallerIdentity" && $0.path.hasPrefix("http://") }, "\(requests.prefix(3))")
        #expect(requests.count > 40, "every call goes through the proxy")
        let expected = LiveScanTests.expectedFailures(seeded).filter { !$0.hasPrefix("aws-config-recorder-all-regions") }
        #expect(expected.subtracting(try ReportedFindings.read(report).failing).sorted() == [])
    }

    @Test("access denied on one bucket's policy: that bucket is not assessed, never passed, and the others are still judged")
    func accessDeniedOnOneBucket() async throws {
        let seeded = try await SeededAccount.seed()
        let denied = "tern-public-\(seeded.account)"
        let proxy = try await FaultProxy(upstream: Moto.url(), arguments: ["--deny", "^GET /\(denied)\\?policy$"])
        defer { proxy.stop() }
        let folder = try TestPaths.temporaryFolder("posture-live-denied")
        let report = folder.appendingPathComponent("report.json").path
        let scan = try await posture(["scan", "aws", "--live", "--quiet", "--regions", LiveScanTests.regions, "--fail-on", "none",
                                      "--report", "json=\(report)"], environment: try seeded.environment(endpoint: proxy.url))
        #expect(scan.status == 3, "\(scan.stderr)")
        let findings = try ReportedFindings.read(report)
        #expect(findings.scan.incomplete.contains { $0.code == "AccessDenied" && $0.dataSet == "s3" && $0.message.contains(denied) },
                "\(findings.scan.incomplete)")
        func status(_ policy: String, _ resource: String) -> String? {
            findings.findings.first { $0.policy.id == policy && $0.resource.name == resource }?.status
        }
        for policy in ["aws-s3-bucket-public", "aws-s3-bucket-secure-transport"] {
            #expect(status(policy, denied) == "not_assessed", "\(policy)")
        }
        // What does not need the policy is still judged for that bucket, and every other
        // bucket is judged in full.
        #expect(status("aws-s3-bucket-versioning", denied) == "fail")
        let expected = LiveScanTests.expectedFailures(seeded).filter {
            !($0.hasSuffix(" \(denied)") && ($0.hasPrefix("aws-s3-bucket-public ") || $0.hasPrefix("aws-s3-bucket-secure-transport ")))
        }
        #expect(expected.subtracting(findings.failing).sorted() == [], "seeded but not found")
        #expect(findings.failing.subtracting(expected).sorted() == [], "found but not seeded")
    }

    @Test("faults retried within the budget give the clean run's findings")
    func faultsRetriedAway() async throws {
        let seeded = try await SeededAccount.seed()
        let folder = try TestPaths.temporaryFolder("posture-live-faults")
        let (first, cleanFindings) = try await Self.scan(seeded, named: "clean", in: folder)
        #expect(first.status == 3, "\(first.stderr)")
        // Every distinct request fails twice first: with 503 SlowDown, 400 Throttling (or
        // ThrottlingException), a reset connection, or a truncated body, in turn.
        let proxy = try await FaultProxy(upstream: Moto.url(), arguments: ["--fail-first", "2", "--slowdown", "1", "--throttle", "1", "--reset", "1", "--truncate", "1"])
        defer { proxy.stop() }
        let (second, faultyFindings) = try await Self.scan(seeded, named: "faulty", in: folder, through: proxy)
        #expect(second.status == 3, "\(second.stderr)")
        #expect(LiveScanTests.comparable(faultyFindings) == LiveScanTests.comparable(cleanFindings))
        #expect(faultyFindings.scan.incomplete.map(\.dataSet) == cleanFindings.scan.incomplete.map(\.dataSet))
        let injected = try await proxy.injected()
        #expect(injected.values.reduce(0, +) > 50, "\(injected)")
    }

    struct ScanWroteNoReport: Error, CustomStringConvertible { var description: String }

    /// A live scan of `seeded` (through `proxy` when given) that never fails on findings and writes
    /// its JSON report to `folder/NAME.json`; a scan that wrote none throws with its exit and stderr.
    static func scan(_ seeded: SeededAccount, named name: String, in folder: URL, through proxy: FaultProxy? = nil,
                     options: [String] = []) async throws -> (CommandResult, ReportedFindings) {
        let report = folder.appendingPathComponent("\(name).json").path
        let result = try await posture(["scan", "aws", "--live", "--quiet", "--fail-on", "none", "--report", "json=\(report)"] + options,
                                       environment: try seeded.environment(endpoint: proxy?.url))
        guard FileManager.default.fileExists(atPath: report) else {
            throw ScanWroteNoReport(description: "the \(name) scan wrote no report: exit \(result.status): \(result.stderr)")
        }
        return (result, try ReportedFindings.read(report))
    }

    @Test("a token that expires mid-scan is fetched again and the call resent; S3's region redirect is followed once")
    func expiredTokensAndRedirects() async throws {
        let seeded = try await SeededAccount.seed()
        let folder = try TestPaths.temporaryFolder("posture-live-expired")
        func scan(_ name: String, through proxy: FaultProxy?) async throws -> (CommandResult, ReportedFindings) {
            try await Self.scan(seeded, named: name, in: folder, through: proxy, options: ["--regions", LiveScanTests.regions])
        }
        let (clean, cleanFindings) = try await scan("clean", through: nil)
        #expect(clean.status == 3, "\(clean.stderr)")

        // The first attempt of every distinct request answers ExpiredToken, in its protocol's shape.
        let expiring = try await FaultProxy(upstream: Moto.url(), arguments: ["--expire", "."])
        defer { expiring.stop() }
        let (expired, expiredFindings) = try await scan("expired", through: expiring)
        #expect(expired.status == 3, "\(expired.stderr)")
        #expect(LiveScanTests.comparable(expiredFindings) == LiveScanTests.comparable(cleanFindings))
        #expect(expiredFindings.scan.incomplete.map(\.dataSet) == cleanFindings.scan.incomplete.map(\.dataSet))
        let requests = try expiring.requests()
        let distinct = Set(requests.map { "\($0.method) \($0.path) \($0.body ?? "")" }).count
        #expect(distinct > 40)
        #expect(try await expiring.injected()["expired"] == distinct, "every distinct request met one ExpiredToken, then went through")

        // Bucket settings answer 301 PermanentRedirect unless signed for ap-southeast-2.
        let settingsPath = "^/tern-[a-z]+-\(seeded.account)\\?(policy|acl|versioning)$"
        let redirecting = try await FaultProxy(upstream: Moto.url(), arguments: ["--redirect", "^GET " + settingsPath.dropFirst(), "--redirect-region", "ap-southeast-2"])
        defer { redirecting.stop() }
        let (redirected, redirectedFindings) = try await scan("redirected", through: redirecting)
        #expect(redirected.status == 3, "\(redirected.stderr)")
        #expect(LiveScanTests.comparable(redirectedFindings) == LiveScanTests.comparable(cleanFindings))
        let settings = try redirecting.requests().filter { $0.method == "GET" && $0.path.range(of: settingsPath, options: .regularExpression) != nil }
        let redirects = try await redirecting.injected()["redirect"] ?? 0
        #expect(redirects == 3 * seeded.buckets.count, "each bucket's policy, ACL and versioning redirected once")
        #expect(settings.count == 2 * redirects)
        #expect(settings.filter { $0.region == "ap-southeast-2" }.count == redirects, "each followed, signed for the named region")
    }

    @Test("credentials that stay expired stop the scan at once with exit 2 and what to do")
    func expiredCredentials() async throws {
        let seeded = try await SeededAccount.seed()
        let proxy = try await FaultProxy(upstream: Moto.url(), arguments: ["--expire", ".", "--expire-always"])
        defer { proxy.stop() }
        let scan = try await posture(["scan", "aws", "--live", "--quiet", "--fail-on", "none"], environment: try seeded.environment(endpoint: proxy.url))
        #expect(scan.status == 2)
        #expect(scan.stderr.contains("cannot establish the caller's identity (sts:GetCallerIdentity in us-east-1): ExpiredToken (HTTP 403)"), "\(scan.stderr)")
        #expect(scan.stderr.contains("hint: the credentials have expired"), "\(scan.stderr)")
        #expect(!scan.stderr.contains(seeded.SecretAccessKey) && !scan.stderr.contains(seeded.SessionToken))
        // Fetched again once, as the SDKs do, then given up.
        #expect(try proxy.requests().count == 2)
    }

    @Test("faults beyond the retry budget: the scan reports incomplete (exit 3) and ends within its timeout")
    func faultsBeyondBudget() async throws {
        let seeded = try await SeededAccount.seed()
        let proxy = try await FaultProxy(upstream: Moto.url(), arguments: ["--delay", "0.3", "--delay-seconds", "30", "--reset", "0.2", "--seed", "7"])
        defer { proxy.stop() }
        let folder = try TestPaths.temporaryFolder("posture-live-budget")
        let report = folder.appendingPathComponent("report.json").path
        let started = Date()
        let scan = try await posture(["scan", "aws", "--live", "--quiet", "--call-timeout", "4", "--fail-on", "none",
                                          "--report", "json=\(report)"], environment: try seeded.environment(endpoint: proxy.url))
        let elapsed = Date().timeIntervalSince(started)
        // The identity call may itself be lost (exit 2, said clearly); otherwise the scan is incomplete.
        #expect(scan.status == 3 || (scan.status == 2 && scan.stderr.contains("caller's identity")), "\(scan.status) \(scan.stderr)")
        // A bound, not a speed test: every call gives up after --call-timeout 4 s, and calls
        // depend on each other at most four deep (location → bucket settings; trail → status).
        #expect(elapsed < 60, "took \(elapsed) s")
        if scan.status == 3 {
            let findings = try ReportedFindings.read(report)
            #expect(findings.scan.incomplete.contains { $0.code == "RequestTimeout" || $0.code == "ConnectionFailure" }, "\(findings.scan.incomplete)")
            #expect(findings.findings.contains { $0.status == "not_assessed" })
        }
    }
}

/// Tests/Support/fault-proxy.py in front of moto, with its request log.
final class FaultProxy {
    struct Request: Decodable, CustomStringConvertible {
        var method: String
        var path: String
        var action: String?
        var target: String?
        var signature: String?
        /// The region of the signature's credential scope.
        var region: String?
        /// A hash of the body: with method and path, what makes requests distinct.
        var body: String?
        var description: String { "\(method) \(path) \(action ?? target ?? "")" }
    }

    let server: LoopbackServer
    let log: String

    init(upstream: String, arguments: [String]) async throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("posture-proxy-\(UUID().uuidString).jsonl").path
        server = try await LoopbackServer.start(script: "fault-proxy.py", arguments: ["--upstream", upstream, "--log", log] + arguments)
    }

    /// With `localhost`, so that S3 Control's `<account>.localhost` resolves to the proxy too.
    var url: String { "http://localhost:\(server.port)" }

    func requests() throws -> [Request] {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    func injected() async throws -> [String: Int] {
        let answer = try await shell(["curl", "-fsS", "http://127.0.0.1:\(server.port)/__faults"])
        return try JSONDecoder().decode([String: Int].self, from: Data(answer.stdout.utf8))
    }

    func stop() { _ = server.stop() }
}

/// The documented least-privilege policy covers exactly what the collector can send.
@Suite("Live AWS scan: documented permissions")
struct LivePermissionDocumentationTests {
    @Test("docs/posture-readonly-policy.json and the README list every permission the collector needs")
    func policyListsEveryPermission() throws {
        struct Policy: Decodable {
            struct Statement: Decodable { var Action: [String] }
            var Statement: [Statement]
        }
        let root = TestPaths.packageRoot()
        let policy = try JSONDecoder().decode(Policy.self, from: Data(contentsOf: root.appendingPathComponent("docs/posture-readonly-policy.json")))
        let documented = Set(policy.Statement.flatMap(\.Action))
        let needed = Set(LiveOperation.all.compactMap(\.permission))
        #expect(needed.subtracting(documented).sorted() == [], "missing from the documented policy")
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        for action in needed { #expect(readme.contains("\"\(action)\""), "README lacks \(action)") }
        for action in documented { #expect(LiveSafetyTests.isReadOnly(String(action.split(separator: ":").last ?? "")), "\(action)") }
    }
}
