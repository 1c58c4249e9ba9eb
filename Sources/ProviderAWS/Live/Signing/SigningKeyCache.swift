import Crypto
import Synchronization

/// The last derived SigV4 signing key of one signer (one service and region), so that the four
/// HMACs of the key derivation run once per day and credential set, not once per request.
///
/// One entry is enough: a scan signs with one set of credentials at a time, and a refresh
/// (new temporary credentials, a new day) simply replaces it.
final class SigningKeyCache: Sendable {
    private struct Entry {
        var scopeDate: String
        var accessKeyId: String
        var secretAccessKey: String
        /// Raw bytes: `SymmetricKey` is not `Sendable`, and the mutex needs a sendable state.
        var key: [UInt8]
    }

    private struct State {
        var entry: Entry?
        var derivations = 0
    }

    private let state = Mutex(State())

    /// How many keys were derived so far (tests prove the cache with it).
    var derivations: Int { state.withLock { $0.derivations } }

    /// The signing key for this scope, derived now only when the cached one does not match.
    func key(scopeDate: String, region: String, service: String, material: SigningKeyMaterial) -> SymmetricKey {
        if let cached = state.withLock({ state -> [UInt8]? in
            guard let entry = state.entry, entry.scopeDate == scopeDate, entry.accessKeyId == material.accessKeyId,
                  entry.secretAccessKey == material.secretAccessKey else { return nil }
            return entry.key
        }) {
            return SymmetricKey(data: cached)
        }
        // Derived outside the lock: two threads racing on a new day both derive the same key.
        let key = Self.derive(secret: material.secretAccessKey, scopeDate: scopeDate, region: region, service: service)
        let bytes = key.withUnsafeBytes { Array($0) }
        state.withLock { state in
            state.entry = Entry(scopeDate: scopeDate, accessKeyId: material.accessKeyId,
                                secretAccessKey: material.secretAccessKey, key: bytes)
            state.derivations += 1
        }
        return key
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    static func derive(secret: String, scopeDate: String, region: String, service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + secret).utf8))
        for part in [scopeDate, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
        }
        return key
    }
}

extension SigningKeyCache: CustomStringConvertible, CustomReflectable {
    /// The cache holds a secret and a derived key: neither ever prints, nor shows in `dump`.
    var description: String { "SigningKeyCache(\(SecretRedaction.redacted))" }

    var customMirror: Mirror { Mirror(self, children: ["entry": SecretRedaction.redacted], displayStyle: .class) }
}
