import Foundation

extension AWSJSONValue {
    /// Parses JSON text, keeping member order and number text. A repeated key keeps its first
    /// place and its last value, as Python's `json.loads` does. Returns nil for text that is not
    /// one JSON value.
    public static func parse(_ data: Data) -> AWSJSONValue? {
        data.withUnsafeBytes { raw in
            var parser = JSONTextParser(bytes: raw.bindMemory(to: UInt8.self))
            guard let value = parser.value(depth: 0) else { return nil }
            parser.skipSpace()
            return parser.index == parser.bytes.count ? value : nil
        }
    }

    public static func parse(_ text: String) -> AWSJSONValue? { parse(Data(text.utf8)) }
}

/// A small recursive-descent JSON reader over bytes (the answers of the json protocols and the
/// policy documents inside IAM answers).
private struct JSONTextParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Deeper nesting than any AWS document has: refuse rather than overflow the stack.
    static let maxDepth = 512

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    mutating func value(depth: Int) -> AWSJSONValue? {
        skipSpace()
        guard index < bytes.count, depth < Self.maxDepth else { return nil }
        switch bytes[index] {
        case 0x7B: return object(depth: depth)
        case 0x5B: return array(depth: depth)
        case 0x22: return string().map(AWSJSONValue.string)
        case 0x74: return literal("true", .bool(true))
        case 0x66: return literal("false", .bool(false))
        case 0x6E: return literal("null", .null)
        default: return number()
        }
    }

    private mutating func literal(_ word: String, _ value: AWSJSONValue) -> AWSJSONValue? {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else { return nil }
        index += utf8.count
        return value
    }

    private mutating func number() -> AWSJSONValue? {
        let start = index
        if index < bytes.count, bytes[index] == 0x2D { index += 1 }
        let digitsStart = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        guard index > digitsStart else { return nil }
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            let fraction = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > fraction else { return nil }
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            let exponent = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > exponent else { return nil }
        }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    mutating func string() -> String? {
        index += 1 // opening quote
        var scalars: [UInt8] = []
        var start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                scalars.append(contentsOf: bytes[start..<index])
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            }
            if byte == 0x5C {
                scalars.append(contentsOf: bytes[start..<index])
                index += 1
                guard index < bytes.count, escape(into: &scalars) else { return nil }
                start = index
                continue
            }
            guard byte >= 0x20 else { return nil }
            index += 1
        }
        return nil
    }

    /// Reads the escape after a backslash (index at its letter) into UTF-8.
    private mutating func escape(into out: inout [UInt8]) -> Bool {
        let letter = bytes[index]
        index += 1
        switch letter {
        case 0x22, 0x5C, 0x2F: out.append(letter)
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x75:
            guard var code = hex4() else { return false }
            // A surrogate pair spells one scalar; a lone surrogate becomes U+FFFD.
            if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 {
                index += 2
                guard let low = hex4() else { return false }
                code = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
            }
            out.append(contentsOf: Array(String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8))
        default: return false
        }
        return true
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x37
            case 0x61...0x66: digit = byte - 0x57
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func array(depth: Int) -> AWSJSONValue? {
        index += 1
        var items: [AWSJSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == 0x5D { index += 1; return .array(items) }
        while true {
            guard let item = value(depth: depth + 1) else { return nil }
            items.append(item)
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == 0x2C { index += 1; continue }
            if bytes[index] == 0x5D { index += 1; return .array(items) }
            return nil
        }
    }

    private mutating func object(depth: Int) -> AWSJSONValue? {
        index += 1
        var members: [AWSJSONMember] = []
        var positions: [String: Int] = [:]
        skipSpace()
        if index < bytes.count, bytes[index] == 0x7D { index += 1; return .object(members) }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x22, let key = string() else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x3A else { return nil }
            index += 1
            guard let item = value(depth: depth + 1) else { return nil }
            if let position = positions[key] {
                members[position].value = item
            } else {
                positions[key] = members.count
                members.append(AWSJSONMember(key, item))
            }
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == 0x2C { index += 1; continue }
            if bytes[index] == 0x7D { index += 1; return .object(members) }
            return nil
        }
    }
}
