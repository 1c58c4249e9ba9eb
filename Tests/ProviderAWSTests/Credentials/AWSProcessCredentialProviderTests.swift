import Foundation
import PostureTesting
import Testing
@testable import ProviderAWS

/// `credential_process` against a real script (Support/credential_process.py).
@Suite("credential_process")
struct AWSProcessCredentialProviderTests {
    static let script = CredentialSupport.script("credential_process.py")

    func provider(_ arguments: String, timeout: TimeInterval = 20) -> AWSProcessCredentialProvider {
        AWSProcessCredentialProvider(command: "python3 \(Self.script) \(arguments)", profileName: "dev",
                                     place: "profile \"dev\" in ~/.aws/config:3",
                                     environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"], timeout: timeout)
    }

    @Test("Version 1 JSON becomes credentials with token and expiration")
    func success() async throws {
        let credentials = try await provider("ok 2099-01-02T03:04:05Z").credentials()
        #expect(credentials.accessKeyId == "ASIAPROCESS")
        #expect(credentials.secretAccessKey == "process-secret")
        #expect(credentials.sessionToken == "process-token")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 4_071_006_245))
        #expect(credentials.source == "profile dev (credential_process)")
    }

    @Test("arguments are split like shlex, quotes kept together, no shell involved")
    func arguments() async throws {
        let credentials = try await provider(#"args "two words" 'it''s' $HOME a\ b"#).credentials()
        #expect(credentials.accessKeyId == "two words|its|$HOME|a b")
    }

    @Test("non-zero exit: status and stderr's first line, never stdout")
    func failure() async throws {
        let error = await #expect(throws: AWSCredentialError.self) { try await provider("fail").credentials() }
        #expect(error?.description == "credential_process of profile \"dev\" in ~/.aws/config:3: exited with status 3: sso session expired, run login")
        #expect(error?.description.contains("stdout-secret") == false)
    }

    @Test("output that is not JSON, or not Version 1, is an error that does not quote it")
    func badOutput() async throws {
        let bad = await #expect(throws: AWSCredentialError.self) { try await provider("badjson").credentials() }
        #expect(bad?.reason == "output is not a JSON object of the credential_process format")
        #expect(bad?.description.contains("stdout-secret") == false)
        let version = await #expect(throws: AWSCredentialError.self) { try await provider("version2").credentials() }
        #expect(version?.reason == "output has Version 2; only 1 is supported")
    }

    @Test("already expired credentials are refused by the caching provider")
    func expired() async throws {
        let caching = AWSCachingCredentialProvider(provider("ok 2001-01-01T00:00:00Z"))
        let error = await #expect(throws: AWSCredentialError.self) { try await caching.credentials() }
        #expect(error?.description == "profile dev (credential_process): the credentials returned expired at 2001-01-01T00:00:00Z")
    }

    @Test("a hung process is stopped at the time limit")
    func timeout() async throws {
        let started = Date()
        let error = await #expect(throws: AWSCredentialError.self) { try await provider("sleep", timeout: 1).credentials() }
        #expect(error?.reason == "did not finish within 1 s and was stopped")
        // The child sleeps 300 s: ending well before that proves it was stopped. The bound is
        // generous because the whole suite shares two cores and this task must wait for one.
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test("a program that does not exist, or an unclosed quote, is a clear error")
    func unstartable() async throws {
        let missing = AWSProcessCredentialProvider(command: "no-such-posture-helper --x", profileName: "p", place: "profile \"p\"",
                                                   environment: ["PATH": "/nonexistent"])
        let error = await #expect(throws: AWSCredentialError.self) { try await missing.credentials() }
        #expect(error?.description == "credential_process of profile \"p\": program 'no-such-posture-helper' not found")
        let quote = AWSProcessCredentialProvider(command: "tool 'open", profileName: "p", place: "profile \"p\"", environment: [:])
        let quoteError = await #expect(throws: AWSCredentialError.self) { try await quote.credentials() }
        #expect(quoteError?.reason == "no closing ' in the command")
    }
}
