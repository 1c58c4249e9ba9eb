/// The credentials a signature is computed from: an access key id, its secret, and for
/// temporary credentials the session token.
///
/// Printing one (`description`, `debugDescription`, `dump`) shows only the first four
/// characters of the access key id, which tell the key's kind (`AKIA` long-term, `ASIA`
/// temporary) without identifying it; the secret and token never appear.
public struct SigningKeyMaterial: Sendable, Equatable {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?

    /// - Parameters:
    ///   - accessKeyId: The access key id (`AKIA…`, `ASIA…`).
    ///   - secretAccessKey: The secret access key.
    ///   - sessionToken: The session token of temporary credentials; nil for long-term keys.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }
}

extension SigningKeyMaterial: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "SigningKeyMaterial(\(SecretRedaction.accessKeyId(accessKeyId)), session token: \(sessionToken == nil ? "none" : "(redacted)"))"
    }

    public var debugDescription: String { description }

    /// `dump` and debuggers walk the mirror, not `description`: give them redacted children.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "accessKeyId": SecretRedaction.accessKeyId(accessKeyId),
            "secretAccessKey": SecretRedaction.redacted,
            "sessionToken": sessionToken == nil ? "none" : SecretRedaction.redacted,
        ], displayStyle: .struct)
    }
}

/// How secrets print.
enum SecretRedaction {
    static let redacted = "(redacted)"

    /// `AKIA…(redacted)`: the key kind, never the whole id.
    static func accessKeyId(_ id: String) -> String {
        String(id.prefix(4)) + "…" + redacted
    }
}
