extension JSONParser {
    /// `true`, `false` or `null`; a wrong word is reported where it starts, a word the file
    /// cuts short where the file ends.
    mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONValue.ParseError) -> JSONValue {
        let start = index
        for byte in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
            guard index < bytes.count else { throw failure(.endInLiteral("\(word)")) }
            guard bytes[index] == byte else { throw failure(.invalidLiteral("\(word)"), at: start) }
            index += 1
        }
        return value
    }

    /// A number as RFC 8259 spells it: `-`, then `0` or digits without a leading zero, then
    /// an optional fraction and exponent. Text running on in number characters (`01`,
    /// `1.2.3`, `1-2`) is one invalid number, reported where it starts.
    mutating func number() throws(JSONValue.ParseError) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        var valid = digits(leadingZero: true)
        if valid, index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            valid = digits(leadingZero: false)
        }
        if valid, index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            valid = digits(leadingZero: false)
        }
        if !valid || (index < bytes.count && Self.isNumberByte(bytes[index])) {
            while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
            throw failure(.invalidNumber(text(from: start)), at: start)
        }
        let text = text(from: start)
        if let check, let problem = check(text) { throw failure(.refusedNumber(problem), at: start) }
        return .number(text)
    }

    /// One or more digits; with `leadingZero`, a `0` stands alone (the next character then
    /// must not be a digit, which `number` checks).
    private mutating func digits(leadingZero: Bool) -> Bool {
        let start = index
        if leadingZero, index < bytes.count, bytes[index] == UInt8(ascii: "0") { index += 1; return true }
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
        return index > start
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    private func text(from start: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// A string (index at its opening quote). Text without escapes, the common case, becomes
    /// a `String` in one step; escapes are decoded into a buffer.
    mutating func string() throws(JSONValue.ParseError) -> String {
        index += 1
        var start = index
        var escaped = false
        var decoded: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                guard escaped else { return String(decoding: run, as: UTF8.self) }
                decoded.append(contentsOf: run)
                return String(decoding: decoded, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                try escape(into: &decoded)
                start = index
                continue
            }
            guard byte >= 0x20 else { throw failure(.controlCharacter) }
            index += 1
        }
        throw failure(.endInString, at: bytes.count)
    }

    /// The escape at the backslash under `index`, as UTF-8.
    private mutating func escape(into out: inout [UInt8]) throws(JSONValue.ParseError) {
        let backslash = index
        guard index + 1 < bytes.count else { throw failure(.endInString, at: bytes.count) }
        let letter = bytes[index + 1]
        index += 2
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(letter)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4(escapeAt: backslash)
            // A surrogate pair spells one scalar; a lone surrogate becomes U+FFFD.
            if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count,
               bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let second = index
                index += 2
                let low = try hex4(escapeAt: second)
                code = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
            }
            Unicode.UTF8.encode(Unicode.Scalar(code) ?? "\u{FFFD}") { out.append($0) }
        default:
            throw failure(.invalidEscape, at: backslash)
        }
    }

    /// Four hex digits of a `\\u` escape.
    private mutating func hex4(escapeAt backslash: Int) throws(JSONValue.ParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw failure(.endInString, at: bytes.count) }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: throw failure(.invalidEscape, at: backslash)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
