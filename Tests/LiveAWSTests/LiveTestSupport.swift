import Foundation
import PostureTesting
import Testing

/// The moto_server the live tests talk to: the one `make test` / `.ci/run` started
/// (`POSTURE_MOTO_URL`), else a private one started through `scripts/moto-server.sh`.
enum Moto {
    struct Unavailable: Error, CustomStringConvertible { var description: String }

    private static let started: Result<String, Unavailable> = {
        if let url = ProcessInfo.processInfo.environment["POSTURE_MOTO_URL"], !url.isEmpty { return .success(url) }
        let root = TestPaths.packageRoot()
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("posture-moto-\(getpid())").path
        let script = root.appendingPathComponent("scripts/moto-server.sh").path
        let result = shellBlocking([script, "start"], environment: ["POSTURE_MOTO_STATE": state])
        guard result.status == 0 else { return .failure(Unavailable(description: "moto_server did not start: \(result.stderr)")) }
        let url = shellBlocking([script, "url"], environment: ["POSTURE_MOTO_STATE": state]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // Stopped when the test process exits.
        atexit { stopPrivateServer() }
        privateState = state
        return url.isEmpty ? .failure(Unavailable(description: "moto-server.sh printed no URL")) : .success(url)
    }()

    nonisolated(unsafe) private static var privateState: String?

    private static func stopPrivateServer() {
        guard let state = privateState else { return }
        _ = shellBlocking([TestPaths.packageRoot().appendingPathComponent("scripts/moto-server.sh").path, "stop"], environment: ["POSTURE_MOTO_STATE": state])
    }

    static func url() throws -> String { try started.get() }

    /// The same server as `http://localhost:PORT`: S3 Control puts the account id in front of the
    /// host, and libcurl resolves `<account>.localhost` to loopback (`<account>.127.0.0.1` is no name).
    static func localhostURL() throws -> String {
        try url().replacingOccurrences(of: "127.0.0.1", with: "localhost")
    }

    /// A fresh account number, so that tests sharing the server never see each other's data.
    static func freshAccount() -> String {
        "3" + String(format: "%05d", Int(getpid()) % 100_000) + String(format: "%06d", Int.random(in: 0..<1_000_000))
    }
}

/// An account seeded by `seed-live-account.py`, with the temporary credentials to scan it.
struct SeededAccount: Decodable {
    var AccessKeyId: String
    var SecretAccessKey: String
    var SessionToken: String
    var account: String
    var buckets: [String]
    var keys: [String: String]

    static func seed(_ account: String = Moto.freshAccount()) async throws -> SeededAccount {
        let script = TestPaths.packageRoot().appendingPathComponent("Tests/LiveAWSTests/seed-live-account.py").path
        let result = try await shell(["python3", script, "--endpoint-url", try Moto.url(), "--account", account])
        guard result.status == 0 else { throw Moto.Unavailable(description: "seeding failed: \(result.stderr)") }
        return try JSONDecoder().decode(SeededAccount.self, from: Data(result.stdout.utf8))
    }

    /// The environment a live scan of this account runs with: its credentials, moto as every
    /// endpoint, and nothing from the developer's own AWS set-up.
    func environment(endpoint: String? = nil) throws -> [String: String] {
        [
            "AWS_ACCESS_KEY_ID": AccessKeyId, "AWS_SECRET_ACCESS_KEY": SecretAccessKey, "AWS_SESSION_TOKEN": SessionToken,
            "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "AWS_PROFILE": "",
            "AWS_EC2_METADATA_DISABLED": "true", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": try endpoint ?? Moto.url(),
            "AWS_ENDPOINT_URL_S3_CONTROL": try (endpoint ?? Moto.url()).replacingOccurrences(of: "127.0.0.1", with: "localhost"),
        ]
    }
}

/// The part of a JSON report the live tests compare.
struct ReportedFindings: Decodable {
    struct Finding: Decodable, Hashable {
        struct Policy: Decodable, Hashable { var id: String }
        struct Resource: Decodable, Hashable { var id: String; var name: String; var account: String? }
        var policy: Policy
        var resource: Resource
        var status: String
        var message: String
        var fingerprint: String
    }

    struct Scan: Decodable {
        struct Problem: Decodable { var source: String; var dataSet: String?; var code: String?; var message: String }
        var incomplete: [Problem]
        var accounts: [String]
    }

    var findings: [Finding]
    var scan: Scan

    static func read(_ path: String) throws -> ReportedFindings {
        try JSONDecoder().decode(ReportedFindings.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// `policy resource-name` of every failing finding.
    var failing: Set<String> {
        Set(findings.filter { $0.status == "fail" }.map { "\($0.policy.id) \($0.resource.name)" })
    }
}

/// Runs posture off the cooperative pool: these scans take seconds, and a test blocking the
/// pool (two threads on two cores) would stall every other test's async work.
func posture(_ arguments: [String], environment: [String: String]) async throws -> CommandResult {
    try await PostureBinary.run(arguments, environment: environment)
}

/// Runs a helper program (python3, the moto script, curl) off the cooperative pool.
func shell(_ arguments: [String], environment: [String: String] = [:]) async throws -> CommandResult {
    try await ChildRun.run(arguments, environment: environment)
}

/// `shell` for the few places that cannot await (the lazily started private moto_server).
func shellBlocking(_ arguments: [String], environment: [String: String] = [:]) -> CommandResult {
    do {
        return try ChildRun.runBlocking(arguments, environment: environment)
    } catch {
        return CommandResult(status: -1, stdout: "", stderr: "\(error)")
    }
}
