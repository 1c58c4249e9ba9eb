import HTTP

/// The canonical headers block and the signed-headers list of a SigV4 canonical request.
struct SigV4CanonicalHeaders: Equatable {
    /// `name:value\n` per signed header, sorted by name.
    var block: String
    /// `host;x-amz-date`: the signed names, sorted, joined with `;`.
    var signedNames: String

    /// Headers never signed: they are set or rewritten by the transport or proxies after
    /// signing (botocore's and the Go SDK's lists), and `Authorization` holds the signature.
    static let unsigned: Set<String> = [
        "authorization", "user-agent", "x-amzn-trace-id", "expect", "transfer-encoding", "connection",
    ]

    /// - Parameters:
    ///   - headers: The request's headers, in order.
    ///   - host: The `Host` value to sign when the request does not carry one itself.
    /// Names are lowercased and sorted; values are trimmed and inner runs of whitespace
    /// (folded lines included) collapse to one space; a repeated name joins its values with
    /// commas in the order they appear.
    init(headers: [HTTPHeader], host: String) {
        var order: [String] = []
        var values: [String: String] = [:]
        for header in headers {
            let name = header.name.lowercased()
            if Self.unsigned.contains(name) { continue }
            let value = Self.normalizedValue(header.value)
            if let existing = values[name] {
                values[name] = existing + "," + value
            } else {
                values[name] = value
                order.append(name)
            }
        }
        if values["host"] == nil {
            values["host"] = host
            order.append("host")
        }
        order.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var block = ""
        for name in order {
            block += name
            block += ":"
            block += values[name] ?? ""
            block += "\n"
        }
        self.block = block
        signedNames = order.joined(separator: ";")
    }

    /// Trims the value and collapses each inner run of spaces, tabs, CR or LF to one space.
    static func normalizedValue(_ value: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
