import Foundation

extension AWSJSONValue {
    /// The document as `aws ... --output json` prints it: Python's `json.dump(indent=4,
    /// ensure_ascii=False)`, so non-ASCII text is written as is and only control characters,
    /// quotes and backslashes are escaped; a final newline as the CLI prints one.
    public func cliData() -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, depth: 0)
        out.append(0x0A)
        return Data(out)
    }

    /// The document as Python's `json.dumps` writes it by default (`{"a": 1, "b": [1, 2]}`):
    /// the request bodies botocore sends for the json protocols.
    public func pythonDumpsData() -> Data {
        var out: [UInt8] = []
        writeInline(into: &out)
        return Data(out)
    }

    private func writeInline(into out: inout [UInt8]) {
        switch self {
        case let .array(items):
            out.append(0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(contentsOf: [0x2C, 0x20]) }
                item.writeInline(into: &out)
            }
            out.append(0x5D)
        case let .object(members):
            out.append(0x7B)
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(contentsOf: [0x2C, 0x20]) }
                Self.writeString(member.key, into: &out)
                out.append(contentsOf: [0x3A, 0x20])
                member.value.writeInline(into: &out)
            }
            out.append(0x7D)
        default:
            write(into: &out, depth: 0)
        }
    }

    private func write(into out: inout [UInt8], depth: Int) {
        switch self {
        case .null: out.append(contentsOf: Array("null".utf8))
        case let .bool(flag): out.append(contentsOf: Array((flag ? "true" : "false").utf8))
        case let .number(text): out.append(contentsOf: Array(text.utf8))
        case let .string(text): Self.writeString(text, into: &out)
        case let .array(items):
            guard !items.isEmpty else { return out.append(contentsOf: [0x5B, 0x5D]) }
            out.append(0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(0x2C) }
                Self.newline(into: &out, depth: depth + 1)
                item.write(into: &out, depth: depth + 1)
            }
            Self.newline(into: &out, depth: depth)
            out.append(0x5D)
        case let .object(members):
            guard !members.isEmpty else { return out.append(contentsOf: [0x7B, 0x7D]) }
            out.append(0x7B)
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(0x2C) }
                Self.newline(into: &out, depth: depth + 1)
                Self.writeString(member.key, into: &out)
                out.append(contentsOf: [0x3A, 0x20])
                member.value.write(into: &out, depth: depth + 1)
            }
            Self.newline(into: &out, depth: depth)
            out.append(0x7D)
        }
    }

    private static func newline(into out: inout [UInt8], depth: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: depth * 4))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x08: out.append(contentsOf: [0x5C, 0x62])
            case 0x0C: out.append(contentsOf: [0x5C, 0x66])
            case 0..<0x20:
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    /// A double as Python's `repr` prints it (`5.0`, `0.25`, `1e-05`): what the CLI shows for
    /// an XML `double` or `float`.
    static func pythonNumber(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity") }
        var text = "\(value)"
        if !text.contains(".") && !text.contains("e") { text += ".0" }
        // Swift writes 1e-05 as "1e-05" like Python; Python keeps a ".0"-less mantissa too.
        return text
    }
}
