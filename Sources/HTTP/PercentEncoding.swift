/// RFC 3986 percent-encoding as AWS uses it (and Google and Azure accept), shared by the SigV4 canonical form and the
/// endpoint URL builder so that the bytes sent and the bytes signed agree.
///
/// Only the unreserved characters (`A-Z a-z 0-9 - . _ ~`) stay as they are; every other byte
/// of the UTF-8 form becomes `%XX` with uppercase hex. A space is `%20`, never `+`.
public enum PercentEncoding {
    /// Encodes `text`; `/` is kept when `keepingSlash` is true (paths), encoded otherwise
    /// (path segments, query names and values).
    public static func encode<S: StringProtocol>(_ text: S, keepingSlash: Bool = false) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            appendEncoded(byte, keepingSlash: keepingSlash, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes `%XX` sequences; anything else (including `+` and a `%` not followed by two
    /// hex digits) is taken literally. Invalid UTF-8 after decoding is kept as the bytes it
    /// was, re-encoded by `encode`, because a signature must cover what was sent.
    public static func decode<S: StringProtocol>(_ text: S) -> [UInt8] {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
               let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// Encodes raw bytes (the result of `decode`) for the canonical query string.
    public static func encode(bytes: [UInt8]) -> String {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(bytes.count)
        for byte in bytes { appendEncoded(byte, keepingSlash: false, to: &encoded) }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// Keeps a path that is already percent-encoded as it is, except that stray bytes outside
    /// the unreserved set are encoded and existing `%xx` triplets get uppercase hex. This is
    /// S3's canonical URI: encoded once, `%2F` inside a key stays distinct from `/`.
    public static func normalizeEncoded<S: StringProtocol>(_ path: S) -> String {
        let input = Array(path.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
               let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                output.append(byte)
                output.append(hexDigits[Int(high)])
                output.append(hexDigits[Int(low)])
                index += 3
            } else {
                appendEncoded(byte, keepingSlash: true, to: &output)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    public static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func appendEncoded(_ byte: UInt8, keepingSlash: Bool, to output: inout [UInt8]) {
        if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
            output.append(byte)
        } else {
            output.append(UInt8(ascii: "%"))
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
