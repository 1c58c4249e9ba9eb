/// A CEL value at run time.
///
/// Objects (resources and their nested records) are represented as maps with string keys;
/// an absent optional field is an absent key, which is what `has()` tests.
public enum CELValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([CELValue])
    case map(CELMap)
    case timestamp(CELTimestamp)
    case duration(CELDuration)
    case type(CELType)
}

extension CELValue {
    /// The CEL name of the value's runtime type, as used in error messages
    /// (`int`, `list`, `map`, `google.protobuf.Timestamp`, …).
    public var typeName: String {
        switch self {
        case .null: "null_type"
        case .bool: "bool"
        case .int: "int"
        case .uint: "uint"
        case .double: "double"
        case .string: "string"
        case .bytes: "bytes"
        case .list: "list"
        case .map: "map"
        case .timestamp: "google.protobuf.Timestamp"
        case .duration: "google.protobuf.Duration"
        case .type: "type"
        }
    }

    /// The value's runtime type as a type value (what `type(x)` returns).
    /// Lists and maps are unparameterised at run time, so they report `list(dyn)` / `map(dyn, dyn)`.
    public var runtimeType: CELType {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .bytes: .bytes
        case .list: .list(.dyn)
        case .map: .map(key: .dyn, value: .dyn)
        case .timestamp: .timestamp
        case .duration: .duration
        case .type: .type
        }
    }

    /// A bit per runtime kind, so overload dispatch can test a value against a parameter
    /// type with one AND instead of a switch over `CELType`.
    var kindBit: UInt16 {
        switch self {
        case .null: 1 << 0
        case .bool: 1 << 1
        case .int: 1 << 2
        case .uint: 1 << 3
        case .double: 1 << 4
        case .string: 1 << 5
        case .bytes: 1 << 6
        case .list: 1 << 7
        case .map: 1 << 8
        case .timestamp: 1 << 9
        case .duration: 1 << 10
        case .type: 1 << 11
        }
    }
}

extension CELType {
    /// The runtime kinds (see `CELValue.kindBit`) a value of this static type may have.
    var acceptedKinds: UInt16 {
        switch self {
        case .dyn, .typeParam: 0xFFFF
        case .null: 1 << 0
        case .bool: 1 << 1
        case .int: 1 << 2
        case .uint: 1 << 3
        case .double: 1 << 4
        case .string: 1 << 5
        case .bytes: 1 << 6
        case .list: 1 << 7
        case .map, .object: 1 << 8
        case .timestamp: 1 << 9
        case .duration: 1 << 10
        case .type: 1 << 11
        }
    }
}

extension CELValue: CustomStringConvertible {
    /// A CEL-like rendering for diagnostics and test output (not a serialisation format).
    public var description: String {
        switch self {
        case .null: return "null"
        case let .bool(value): return String(value)
        case let .int(value): return String(value)
        case let .uint(value): return "\(value)u"
        case let .double(value): return String(value)
        case let .string(value): return "\"\(value)\""
        case let .bytes(value): return "b\"" + value.map { "\\x" + String($0, radix: 16) }.joined() + "\""
        case let .list(elements): return "[" + elements.map(\.description).joined(separator: ", ") + "]"
        case let .map(map):
            return "{" + map.entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case let .timestamp(value): return "timestamp(\"\(value.rfc3339)\")"
        case let .duration(value): return "duration(\"\(value.protoJSON)\")"
        case let .type(type): return type.description
        }
    }
}

extension CELValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: CELValue...) { self = .list(elements) }
    public init(nilLiteral: ()) { self = .null }
}
