/// The static type of a CEL value, as the checker sees it.
///
/// `object` describes a structured value with a fixed set of named fields, such as one of
/// posture's resource kinds. At run time an object is a map with string keys; the checker
/// uses the field list to reject references to fields that do not exist.
public indirect enum CELType: Sendable, Hashable, CustomStringConvertible {
    case dyn
    case null
    case bool
    case int
    case uint
    case double
    case string
    case bytes
    case timestamp
    case duration
    case list(CELType)
    case map(key: CELType, value: CELType)
    case object(ObjectType)
    /// A type value, e.g. the result of `type(x)` or the identifier `int`.
    case type
    /// A parameter of a generic overload (`A` in `list(A) -> int`); used only in declarations.
    case typeParam(String)

    public var description: String {
        switch self {
        case .dyn: "dyn"
        case .null: "null_type"
        case .bool: "bool"
        case .int: "int"
        case .uint: "uint"
        case .double: "double"
        case .string: "string"
        case .bytes: "bytes"
        case .timestamp: "google.protobuf.Timestamp"
        case .duration: "google.protobuf.Duration"
        case let .list(element): "list(\(element))"
        case let .map(key, value): "map(\(key), \(value))"
        case let .object(object): object.name
        case .type: "type"
        case let .typeParam(name): name
        }
    }
}

/// A structured type with named fields (a resource kind, or a nested record in one).
public struct ObjectType: Sendable, Hashable {
    public let name: String
    /// Field name → type. A field may be absent on a given value: `has(x.f)` tests that.
    public let fields: [String: CELType]

    public init(name: String, fields: [String: CELType]) {
        self.name = name
        self.fields = fields
    }
}
