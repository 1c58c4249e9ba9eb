import Foundation
@testable import CEL

/// A JSON value as `cases.json` encodes it (see ../shared/conformance/cel/README.md).
indirect enum ConformanceJSON: Decodable {
    case null, bool(Bool), int(Int64), uint(UInt64), double(Double), string(String)
    case array([ConformanceJSON]), object([String: ConformanceJSON])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null
        } else if let value = try? container.decode(Bool.self) { self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            // `-0.0` also decodes as the integer 0; keep the sign of a negative zero double.
            if value == 0, let double = try? container.decode(Double.self), double.sign == .minus {
                self = .double(double)
            } else {
                self = .int(value)
            }
        } else if let value = try? container.decode(UInt64.self) { self = .uint(value)
        } else if let value = try? container.decode(Double.self) { self = .double(value)
        } else if let value = try? container.decode(String.self) { self = .string(value)
        } else if let value = try? container.decode([ConformanceJSON].self) { self = .array(value)
        } else { self = .object(try container.decode([String: ConformanceJSON].self)) }
    }

    /// Decodes the README's value encoding into a CEL value.
    func celValue() throws -> CELValue {
        switch self {
        case .null: return .null
        case let .bool(value): return .bool(value)
        case let .int(value): return .int(value)
        case let .uint(value): return .uint(value)
        case let .double(value): return .double(value)
        case let .string(value): return .string(value)
        case let .array(elements): return .list(try elements.map { try $0.celValue() })
        case let .object(fields):
            if fields.count == 1, let (tag, payload) = fields.first, tag.hasPrefix("@") {
                return try ConformanceJSON.tagged(tag, payload)
            }
            return .map(CELMap(try fields.mapValues { try $0.celValue() }))
        }
    }

    struct Unsupported: Error { let what: String }

    private static func tagged(_ tag: String, _ payload: ConformanceJSON) throws -> CELValue {
        switch (tag, payload) {
        case let ("@double", .int(value)): return .double(Double(value))
        case let ("@double", .uint(value)): return .double(Double(value))
        case let ("@double", .double(value)): return .double(value)
        case let ("@double", .string(text)):
            switch text {
            case "NaN": return .double(.nan)
            case "Infinity": return .double(.infinity)
            case "-Infinity": return .double(-.infinity)
            default: throw Unsupported(what: "double \(text)")
            }
        case let ("@uint", .int(value)): return .uint(UInt64(value))
        case let ("@uint", .uint(value)): return .uint(value)
        case let ("@bytes", .string(text)):
            guard let data = Data(base64Encoded: text) else { throw Unsupported(what: "bytes \(text)") }
            return .bytes(Array(data))
        case let ("@timestamp", .string(text)): return .timestamp(try TimeText.parseTimestamp(text))
        case let ("@duration", .string(text)): return .duration(try TimeText.parseDuration(text))
        case let ("@map", .array(pairs)):
            return .map(CELMap(entries: try pairs.map { pair in
                guard case let .array(items) = pair, items.count == 2 else { throw Unsupported(what: "map entry") }
                return (key: try items[0].celValue(), value: try items[1].celValue())
            }))
        case let ("@type", .string(name)):
            guard let type = Planner.typeIdentifiers[name] else { throw Unsupported(what: "type \(name)") }
            return .type(type)
        default: throw Unsupported(what: tag)
        }
    }
}

struct ConformanceCase: Decodable {
    let file: String
    let section: String
    let name: String
    let expr: String
    let bindings: [String: ConformanceJSON]
    let expect: ConformanceJSON
    let requires: [String]
    let optional: Bool

    var id: String { "\(file)/\(section)/\(name)" }
}

/// Strict structural equality for comparing results: int and double are distinct,
/// NaN matches NaN, maps compare without regard to order.
func structurallyEqual(_ lhs: CELValue, _ rhs: CELValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case let (.bool(a), .bool(b)): return a == b
    case let (.int(a), .int(b)): return a == b
    case let (.uint(a), .uint(b)): return a == b
    case let (.double(a), .double(b)):
        return (a.isNaN && b.isNaN) || (a == b && a.sign == b.sign)
    case let (.string(a), .string(b)): return a.utf8.elementsEqual(b.utf8)
    case let (.bytes(a), .bytes(b)): return a == b
    case let (.list(a), .list(b)): return a.count == b.count && zip(a, b).allSatisfy(structurallyEqual)
    case let (.map(a), .map(b)):
        guard a.count == b.count else { return false }
        return a.entries.allSatisfy { entry in
            b.entries.contains { structurallyEqual($0.key, entry.key) && structurallyEqual($0.value, entry.value) }
        }
    case let (.timestamp(a), .timestamp(b)): return a == b
    case let (.duration(a), .duration(b)): return a == b
    case let (.type(a), .type(b)): return a == b
    default: return false
    }
}
