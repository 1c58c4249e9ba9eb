import Foundation

/// A JSON value for documents whose shape is set by someone else's schema (SARIF, OCSF):
/// built as a literal tree, written with sorted keys so output is byte-stable.
enum JSONDocument: Encodable, Sendable, Equatable {
    case object([String: JSONDocument])
    case array([JSONDocument])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .object(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .int(value): try container.encode(value)
        case let .double(value): try container.encode(value)
        case let .bool(value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// An object without the entries whose value is nil: optional fields are omitted, not null.
    static func compact(_ entries: [String: JSONDocument?]) -> JSONDocument {
        .object(entries.compactMapValues { $0 })
    }

    static func text(_ value: String?) -> JSONDocument? { value.map { .string($0) } }

    static func strings(_ values: [String]) -> JSONDocument { .array(values.map { .string($0) }) }

    /// Pretty-printed, sorted keys, slashes unescaped, with a final newline.
    func rendered() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

extension JSONDocument: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
}
