import Foundation

/// Finds where JSON text stops being valid, for error messages: Foundation's decoder says only
/// "The given data was not valid JSON". Iterative (an explicit stack), so deep nesting is safe.
enum JSONSyntaxLocator {
    struct Problem: Equatable {
        let line: Int
        let column: Int
        let message: String
    }

    /// The first syntax error in `data`, or nil when the text is valid JSON.
    static func firstError(in data: Data) -> Problem? {
        let bytes = [UInt8](data)
        var scanner = Scanner(bytes: bytes)
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        /// Open containers: `{` or `[`.
        var stack: [UInt8] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        func problem(_ message: String) -> Problem {
            var line = 1, column = 1
            for byte in bytes[..<min(index, bytes.count)] {
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            return Problem(line: line, column: column, message: message)
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        /// True right after `{`, `[` or `,`: a member (or the closing bracket after `{`/`[`) comes next.
        var expectMember = false
        /// True right after `{` or `[`: the container may close at once.
        var justOpened = false

        /// Scans one value (or the start of a container); nil on success.
        mutating func value() -> Problem? {
            skipSpace()
            guard index < bytes.count else { return problem("unexpected end of file: a value is missing") }
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                stack.append(bytes[index])
                index += 1
                expectMember = true
                justOpened = true
                return nil
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return word("true")
            case UInt8(ascii: "f"): return word("false")
            case UInt8(ascii: "n"): return word("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
                return nil
            default: return problem("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
            }
        }

        mutating func word(_ text: String) -> Problem? {
            for expected in text.utf8 {
                guard index < bytes.count, bytes[index] == expected else {
                    return problem(index < bytes.count ? "invalid literal (expected '\(text)')" : "unexpected end of file in '\(text)'")
                }
                index += 1
            }
            return nil
        }

        mutating func string() -> Problem? {
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""): index += 1; return nil
                case UInt8(ascii: "\\"): index += 2
                case 0..<0x20: return problem("control character in a string")
                default: index += 1
                }
            }
            return problem("unexpected end of file inside a string")
        }

        /// After a value: a comma, a closing bracket, or the end.
        mutating func run() -> Problem? {
            if let error = value() { return error }
            while true {
                skipSpace()
                guard let open = stack.last else {
                    return index == bytes.count ? nil : problem("unexpected text after the JSON value")
                }
                let close = open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard index < bytes.count else {
                    return problem("unexpected end of file: \(open == UInt8(ascii: "{") ? "an object" : "a list") is not closed")
                }
                if expectMember {
                    let mayClose = justOpened
                    expectMember = false
                    justOpened = false
                    if mayClose, bytes[index] == close { index += 1; stack.removeLast(); continue }
                    if let error = member(inObject: open == UInt8(ascii: "{")) { return error }
                    continue
                }
                if bytes[index] == close { index += 1; stack.removeLast(); continue }
                guard bytes[index] == UInt8(ascii: ",") else { return problem("expected ',' or '\(Character(Unicode.Scalar(close)))'") }
                index += 1
                expectMember = true
            }
        }

        /// One object member (`"key": value`) or list element.
        mutating func member(inObject: Bool) -> Problem? {
            if inObject {
                guard bytes[index] == UInt8(ascii: "\"") else { return problem("expected a quoted key") }
                if let error = string() { return error }
                skipSpace()
                guard index < bytes.count else { return problem("unexpected end of file after a key") }
                guard bytes[index] == UInt8(ascii: ":") else { return problem("expected ':' after a key") }
                index += 1
            }
            return value()
        }
    }
}
