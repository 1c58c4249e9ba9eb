import Foundation

/// JSON text read into typed values, the way every input of posture is read: `JSONDecoder`
/// (fast, and no untyped trees on hot paths), dates in every form exports use (RFC 3339's
/// lenient profile, or seconds since 1970), and errors that say where: the JSON path for a
/// value of the wrong shape (`$.UserDetailList[3].AttachedManagedPolicies`), the line and
/// column for text that is not JSON at all.
public enum JSONText {
    /// Why a text could not be decoded: where (a line and column for a syntax error, else a
    /// JSON path inside the message) and what.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// 1-based line and column of a syntax error; nil when the text is JSON of another shape.
        public let line: Int?
        public let column: Int?
        public let message: String

        public var description: String { line.map { "\($0):\(column ?? 1): \(message)" } ?? message }
    }

    /// Decodes `data` into `T`, saying where it fails.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(Failure) -> T {
        do {
            return try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            // Foundation does not say where the syntax breaks; posture's own parser does.
            if case let .dataCorrupted(context) = error, context.codingPath.isEmpty {
                do throws(JSONValue.ParseError) {
                    _ = try JSONValue.parse(data)
                } catch {
                    throw Failure(line: error.line, column: error.column, message: "invalid JSON: \(error.message)")
                }
            }
            throw Failure(line: nil, column: nil, message: describe(error))
        } catch {
            throw Failure(line: nil, column: nil, message: "\(error)")
        }
    }

    /// Decodes a part of a document already read as a tree (an AWS Config item's
    /// `configuration`) into `T`, with the same decoder, dates and messages as text: the part
    /// is written out once, compactly, because JSONDecoder reads only bytes.
    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(Failure) -> T {
        try decode(T.self, from: value.data())
    }

    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self), let date = RFC3339.parse(text, .lenient) { return date }
            if let seconds = try? container.decode(Double.self) { return Date(timeIntervalSince1970: seconds) }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date")
        }
        return decoder
    }()

    /// "$.Path[0].Key: message" for a decoding error.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            "$" + codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        }
        switch error {
        case let .typeMismatch(type, context):
            return "\(path(context.codingPath)): expected \(typeName(type)), \(context.debugDescription)"
        case let .valueNotFound(type, context):
            return "\(path(context.codingPath)): expected \(typeName(type)), found null"
        case let .keyNotFound(key, context):
            return "\(path(context.codingPath + [key])): required key is missing"
        case let .dataCorrupted(context):
            return "\(path(context.codingPath)): \(context.debugDescription)\(context.underlyingError.map { " (\($0))" } ?? "")"
        @unknown default:
            return "\(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        default: "\(type)".hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
