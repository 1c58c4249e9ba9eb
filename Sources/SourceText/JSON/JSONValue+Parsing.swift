import Foundation

extension JSONValue {
    /// The deepest nesting of arrays and objects `parse` accepts (as JSONDecoder and Python's
    /// json module refuse deeper text too); no document posture reads comes near it. The limit
    /// is for what walks a tree recursively afterwards: the parser itself keeps its own stack.
    public static let maxDepth = 512

    /// Why a text is not one JSON value, and where.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// 1-based line and column; the column counts characters, not bytes.
        public let line: Int
        public let column: Int
        let problem: JSONParseProblem

        public var message: String { problem.message }
        public var description: String { "\(line):\(column): \(message)" }
    }

    /// Parses one JSON value (RFC 8259), keeping member order and number text.
    ///
    /// A repeated key keeps its first place and its last value, as Python's `json.loads` (and
    /// so the AWS CLI) does. A `\u` escape of a lone surrogate reads as U+FFFD, and bytes that
    /// are not UTF-8 as U+FFFD too: a Swift string cannot hold them, and one odd tag value
    /// must not cost a whole answer. Text that is JSON but nests deeper than `maxDepth` fails
    /// at the bracket that passes the limit; a syntax error anywhere is reported before that,
    /// as it says more about the text.
    ///
    /// - Parameters:
    ///   - data: The JSON text, UTF-8.
    ///   - check: Says what is wrong with a number the caller cannot take (nil when it can);
    ///     the parse then fails at that number with that message — so that a reader with
    ///     rules for numbers (CEL's 64-bit `int`) reports the place as for any syntax error.
    /// - Returns: The value.
    /// - Throws: `ParseError` with the line, column and what is wrong.
    public static func parse(_ data: Data, checkingNumbers check: ((String) -> String?)? = nil) throws(ParseError) -> JSONValue {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(ParseError) in
                var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self), check: check)
                return try parser.document()
            }
        }
        return try result.get()
    }

    /// Parses JSON text; see `parse(_:checkingNumbers:)` for the rules.
    public static func parse(_ text: String, checkingNumbers check: ((String) -> String?)? = nil) throws(ParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(ParseError) in
                var parser = JSONParser(bytes: bytes, check: check)
                return try parser.document()
            }
        }
        return try result.get()
    }
}

/// What `JSONValue.parse` can find wrong, and how each is said.
enum JSONParseProblem: Sendable, Equatable {
    case valueMissing
    case unexpectedCharacter(UInt8)
    case invalidLiteral(String)
    case endInLiteral(String)
    case controlCharacter
    case endInString
    case invalidEscape
    case invalidNumber(String)
    /// The caller's `checkingNumbers` message.
    case refusedNumber(String)
    case textAfterValue
    case notClosed(object: Bool)
    case expectedCommaOr(close: UInt8)
    case expectedKey
    case endAfterKey
    case expectedColon
    case tooDeep

    var message: String {
        switch self {
        case .valueMissing: "unexpected end of file: a value is missing"
        case let .unexpectedCharacter(byte): "unexpected character '\(Character(Unicode.Scalar(byte)))'"
        case let .invalidLiteral(word): "invalid literal (expected '\(word)')"
        case let .endInLiteral(word): "unexpected end of file in '\(word)'"
        case .controlCharacter: "control character in a string"
        case .endInString: "unexpected end of file inside a string"
        case .invalidEscape: "invalid escape in a string"
        case let .invalidNumber(text): "invalid number '\(text)'"
        case let .refusedNumber(message): message
        case .textAfterValue: "unexpected text after the JSON value"
        case let .notClosed(object): "unexpected end of file: \(object ? "an object" : "a list") is not closed"
        case let .expectedCommaOr(close): "expected ',' or '\(Character(Unicode.Scalar(close)))'"
        case .expectedKey: "expected a quoted key"
        case .endAfterKey: "unexpected end of file after a key"
        case .expectedColon: "expected ':' after a key"
        case .tooDeep: "arrays and objects nested deeper than \(JSONValue.maxDepth) levels"
        }
    }
}
