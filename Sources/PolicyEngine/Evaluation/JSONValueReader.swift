import CEL
import SourceText

/// Reads JSON text into CEL values (`posture eval --input`), keeping CEL's int/double
/// distinction exactly: a number without a fraction or exponent is an `int` (an error if it
/// overflows 64 bits), anything else a `double`. The text is read by SourceText's one JSON
/// parser, whose tree keeps each number's text for this rule; errors name the line and column,
/// an overflowing integer's too.
public enum JSONValueReader {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let message: String
        public var description: String { "\(line):\(column): \(message)" }
    }

    /// The CEL value of JSON text. Objects become maps with their members in text order.
    ///
    /// - Parameter text: One JSON value.
    /// - Returns: The value, nested at most `JSONValue.maxDepth` deep.
    /// - Throws: `Failure` with the place of a syntax error or of an integer CEL cannot hold.
    public static func read(_ text: String) throws(Failure) -> CELValue {
        do throws(JSONValue.ParseError) {
            return celValue(try JSONValue.parse(text, checkingNumbers: refusal))
        } catch {
            throw Failure(line: error.line, column: error.column, message: error.message)
        }
    }

    /// Why CEL cannot hold a number, checked while parsing so the error has the number's place.
    private static func refusal(_ text: String) -> String? {
        isInteger(text) && Int64(text) == nil ? "integer \(text) does not fit in 64 bits" : nil
    }

    private static func isInteger(_ text: String) -> Bool {
        !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// A tree read with `refusal`, so every integer fits; every JSON number is a valid double.
    private static func celValue(_ value: JSONValue) -> CELValue {
        switch value {
        case .null: .null
        case let .bool(flag): .bool(flag)
        case let .number(text): isInteger(text) ? Int64(text).map(CELValue.int) ?? .null : .double(Double(text) ?? .nan)
        case let .string(text): .string(text)
        case let .array(items): .list(items.map(celValue))
        case let .object(members): .map(CELMap(fields: members.map { ($0.key, celValue($0.value)) }))
        }
    }
}
