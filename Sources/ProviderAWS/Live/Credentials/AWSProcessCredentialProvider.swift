import ChildProcess
import Foundation

/// A profile's `credential_process`: runs the command (split like `shlex.split`, no shell) and
/// reads its JSON: `Version` 1, `AccessKeyId`, `SecretAccessKey`, optional `SessionToken` and
/// `Expiration` (botocore `ProcessProvider`). Each call runs the command again.
///
/// Failures carry the exit status and the first line of the process's stderr — never its
/// stdout, which holds the secret.
public struct AWSProcessCredentialProvider: AWSCredentialProvider {
    public let command: String
    public let profileName: String
    /// `credential_process of profile "dev" in ~/.aws/config:7`.
    let place: String
    let environment: [String: String]
    /// The longest the command may run before it is killed.
    public let timeout: TimeInterval

    public init(command: String, profileName: String, place: String, environment: [String: String],
                timeout: TimeInterval = 60) {
        self.command = command
        self.profileName = profileName
        self.place = place
        self.environment = environment
        self.timeout = timeout
    }

    public func credentials() async throws(AWSCredentialError) -> AWSCredentials {
        let context = "credential_process of \(place)"
        let arguments: [String]
        do {
            arguments = try ShellWords.split(command)
        } catch {
            switch error {
            case .unclosedQuote(let quote):
                throw AWSCredentialError(.invalidConfiguration, context, "no closing \(quote) in the command")
            case .trailingBackslash:
                throw AWSCredentialError(.invalidConfiguration, context, "the command ends with a lone backslash")
            }
        }
        guard !arguments.isEmpty else { throw AWSCredentialError(.invalidConfiguration, context, "the command is empty") }
        let output: BoundedProcess.Output
        do {
            output = try await BoundedProcess.run(arguments, environment: environment, timeout: timeout)
        } catch {
            switch error {
            case .notFound(let program): throw AWSCredentialError(.retrievalFailed, context, "program '\(program)' not found")
            case .cannotStart(let program): throw AWSCredentialError(.retrievalFailed, context, "cannot start '\(program)'")
            }
        }
        if output.timedOut {
            throw AWSCredentialError(.retrievalFailed, context, "did not finish within \(Int(timeout)) s and was stopped")
        }
        guard output.status == 0 else {
            let firstLine = String(decoding: output.stderr, as: UTF8.self)
                .split(whereSeparator: \.isNewline).first.map { String($0.prefix(300)) }
            throw AWSCredentialError(.retrievalFailed, context, "exited with status \(output.status)"
                                     + (firstLine.map { ": \($0)" } ?? " (no stderr)"))
        }
        return try decode(output.stdout, context: context)
    }

    private struct Document: Decodable {
        var Version: Int?
        var AccessKeyId: String?
        var SecretAccessKey: String?
        var SessionToken: String?
        var Expiration: String?
    }

    private func decode(_ stdout: Data, context: String) throws(AWSCredentialError) -> AWSCredentials {
        // The decoder's own message is left out: it might quote what it read.
        guard let document = try? JSONDecoder().decode(Document.self, from: stdout) else {
            throw AWSCredentialError(.retrievalFailed, context, "output is not a JSON object of the credential_process format")
        }
        guard let version = document.Version else {
            throw AWSCredentialError(.retrievalFailed, context, "output has no Version (1 is supported)")
        }
        guard version == 1 else {
            throw AWSCredentialError(.retrievalFailed, context, "output has Version \(version); only 1 is supported")
        }
        guard let accessKey = document.AccessKeyId, !accessKey.isEmpty else {
            throw AWSCredentialError(.retrievalFailed, context, "output lacks AccessKeyId")
        }
        guard let secretKey = document.SecretAccessKey, !secretKey.isEmpty else {
            throw AWSCredentialError(.retrievalFailed, context, "output lacks SecretAccessKey")
        }
        var expiration: Date?
        if let text = document.Expiration {
            guard let date = AWSTimestamp.parse(text) else {
                throw AWSCredentialError(.retrievalFailed, context, "Expiration is not an ISO 8601 time")
            }
            expiration = date
        }
        return AWSCredentials(accessKeyId: accessKey, secretAccessKey: secretKey,
                              sessionToken: document.SessionToken.flatMap { $0.isEmpty ? nil : $0 },
                              expiration: expiration, source: "profile \(profileName) (credential_process)")
    }
}
