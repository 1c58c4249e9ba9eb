import Crypto
import Foundation
import Model

/// Stable identity of a finding across runs: SHA-256 over provider, account, policy id and
/// resource id (never messages or timestamps), as 32 hex digits.
public enum Fingerprint {
    public static func of(provider: ProviderID, account: String, policy: String, resource: String) -> String {
        // Unit separators keep ("a", "bc") and ("ab", "c") apart.
        let text = [provider.rawValue, account, policy, resource].joined(separator: "\u{1F}")
        let digest = SHA256.hash(data: Data(text.utf8))
        // Hex by table, not String(format:): this runs for every finding of a scan.
        var hex = [UInt8]()
        hex.reserveCapacity(32)
        for byte in digest.prefix(16) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
