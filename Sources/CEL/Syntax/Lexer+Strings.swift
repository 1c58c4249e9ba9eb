/// String and bytes literals: quotes, triple quotes, raw prefixes and escape sequences.
extension Lexer {
    /// Scans a literal whose opening quote is at the cursor (any prefix already consumed).
    mutating func scanString(prefix: StringPrefix, start: SourcePosition) {
        guard let quote = peek() else { return }
        let isTriple = peek(1) == quote && peek(2) == quote
        advance(by: isTriple ? 3 : 1)
        var buffer = LiteralBuffer(isBytes: prefix.isBytes)
        var valid = true
        while true {
            guard let scalar = peek(), isTriple || (scalar != "\n" && scalar != "\r") else {
                report("unterminated string literal", at: start)
                return
            }
            if scalar == quote, !isTriple || (peek(1) == quote && peek(2) == quote) {
                advance(by: isTriple ? 3 : 1)
                break
            }
            if scalar == "\\", !prefix.isRaw {
                valid = scanEscape(into: &buffer, multiline: isTriple) && valid
            } else {
                buffer.append(scalar: scalar)
                advance()
            }
        }
        guard valid else { return }
        emit(prefix.isBytes ? .bytes(buffer.bytes) : .string(String(buffer.scalars)), at: start)
    }

    /// Decodes one escape sequence at the cursor (a backslash). Returns false, after
    /// reporting, for an invalid one; the cursor then stands past the bad sequence.
    /// A backslash at the end of the input, or of the line in a one-line string, is left
    /// for the caller to report as an unterminated string.
    private mutating func scanEscape(into buffer: inout LiteralBuffer, multiline: Bool) -> Bool {
        let start = position
        advance()
        guard let letter = peek() else { return true }
        if letter == "\n" || letter == "\r" {
            guard multiline else { return true }
            report("invalid escape sequence at end of line", at: start)
            return false
        }
        if let simple = Self.simpleEscapes[letter] {
            advance()
            buffer.append(scalar: simple)
            return true
        }
        switch letter {
        case "x", "X":
            return scanCodedEscape(digits: 2, radix: 16, skip: 1, start: start, into: &buffer, asByte: true)
        case "u":
            return scanCodedEscape(digits: 4, radix: 16, skip: 1, start: start, into: &buffer, asByte: false)
        case "U":
            return scanCodedEscape(digits: 8, radix: 16, skip: 1, start: start, into: &buffer, asByte: false)
        case "0"..."3":
            return scanCodedEscape(digits: 3, radix: 8, skip: 0, start: start, into: &buffer, asByte: true)
        default:
            advance()
            report("invalid escape sequence '\\\(Character(letter))'", at: start)
            return false
        }
    }

    /// `\xHH`, `\uHHHH`, `\UHHHHHHHH` and `\ooo`. With `asByte`, a bytes literal receives
    /// the value as one octet; otherwise the value is a code point (UTF-8 in bytes).
    private mutating func scanCodedEscape(
        digits: Int, radix: UInt32, skip: Int, start: SourcePosition,
        into buffer: inout LiteralBuffer, asByte: Bool
    ) -> Bool {
        advance(by: skip)
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let scalar = peek(), let digit = Self.hexValue(scalar), digit < radix else {
                report("invalid escape sequence: expected \(digits) \(radix == 8 ? "octal" : "hex") digits", at: start)
                return false
            }
            value = value * radix + digit
            advance()
        }
        if asByte, buffer.isBytes {
            buffer.bytes.append(UInt8(truncatingIfNeeded: value))
            return true
        }
        guard let scalar = Unicode.Scalar(value) else {
            report("invalid unicode code point in escape sequence", at: start)
            return false
        }
        buffer.append(scalar: scalar)
        return true
    }

    private static let simpleEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}",
        "\\": "\\", "?": "?", "\"": "\"", "'": "'", "`": "`",
    ]
}

/// Collects the decoded contents of a string (as scalars) or bytes literal (as octets).
struct LiteralBuffer {
    let isBytes: Bool
    var scalars = String.UnicodeScalarView()
    var bytes: [UInt8] = []

    init(isBytes: Bool) { self.isBytes = isBytes }

    mutating func append(scalar: Unicode.Scalar) {
        if isBytes {
            bytes.append(contentsOf: UTF8.encode(scalar).map(Array.init) ?? [])
        } else {
            scalars.append(scalar)
        }
    }
}
