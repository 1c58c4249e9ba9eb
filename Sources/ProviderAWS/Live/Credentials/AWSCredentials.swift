import Foundation

/// A set of AWS credentials and where they came from.
///
/// The secret key and the session token never appear in `description`, `debugDescription`,
/// `dump` or string interpolation: those show the access key id's first four characters (enough
/// to tell `AKIA` long-term keys from `ASIA` temporary ones) and the source.
public struct AWSCredentials: Sendable, Equatable {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// When temporary credentials stop working; nil for long-term keys.
    public var expiration: Date?
    /// Where they came from, for logs: `environment`, `profile dev (credential_process)`.
    public var source: String

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil,
                expiration: Date? = nil, source: String) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.source = source
    }

    /// The access key id cut to its first four characters, the rest masked.
    public var redactedAccessKeyId: String {
        accessKeyId.count <= 4 ? String(repeating: "*", count: accessKeyId.count) : String(accessKeyId.prefix(4)) + "****"
    }
}

extension AWSCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        var text = "AWSCredentials(accessKeyId: \(redactedAccessKeyId), secretAccessKey: <redacted>"
        if sessionToken != nil { text += ", sessionToken: <redacted>" }
        if let expiration { text += ", expiration: \(expiration.formatted(.iso8601))" }
        return text + ", source: \(source))"
    }

    public var debugDescription: String { description }

    /// `dump` and debuggers walk the mirror, so it lists redacted fields only.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "accessKeyId": redactedAccessKeyId,
            "secretAccessKey": "<redacted>",
            "sessionToken": sessionToken == nil ? "nil" : "<redacted>",
            "expiration": expiration as Any,
            "source": source,
        ], displayStyle: .struct)
    }
}
