import Crypto
import Foundation
import Model

/// Stable identity of a finding across runs: SHA-256 over provider, account, policy id and
/// resource id (never messages or timestamps), as 32 hex digits.
public enum Fingerprint {
    public static func of(provider: Provider, account: String, policy: String, resource: String) -> String {
        // Unit separators keep ("a", "bc") and ("ab", "c") apart.
        let text = [provider.rawValue, account, policy, resource].joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(text.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}
