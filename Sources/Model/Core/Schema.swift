/// The shape of a field in the model, as policy authors may reference it.
///
/// This is the machine-readable schema behind `posture policies schema [KIND]`; the
/// policy checker turns it into CEL types so that a misspelt field is a load error.
public indirect enum FieldType: Sendable, Hashable {
    case string
    case int
    case double
    case bool
    case timestamp
    /// A string restricted to the listed values.
    case enumeration([String])
    case list(FieldType)
    /// A map with string keys.
    case map(FieldType)
    case object(ObjectSchema)

    /// A compact name for listings: `string`, `list(object statement)`, `enum(a|b)`.
    public var displayName: String {
        switch self {
        case .string: "string"
        case .int: "int"
        case .double: "double"
        case .bool: "bool"
        case .timestamp: "timestamp"
        case let .enumeration(values): "enum(\(values.joined(separator: "|")))"
        case let .list(element): "list(\(element.displayName))"
        case let .map(value): "map(string, \(value.displayName))"
        case let .object(object): object.name
        }
    }
}

/// One field of an object: its JSON/CEL name, type, whether it may be absent, and its meaning.
public struct FieldSchema: Sendable, Hashable {
    public let name: String
    public let type: FieldType
    /// An optional field may be absent from a resource (unknown, not collected, not applicable);
    /// test it with `has(x.field)` before use.
    public let optional: Bool
    public let summary: String

    public init(_ name: String, _ type: FieldType, optional: Bool = false, _ summary: String) {
        self.name = name
        self.type = type
        self.optional = optional
        self.summary = summary
    }
}

/// A named record type: a resource kind or a nested record inside one.
public struct ObjectSchema: Sendable, Hashable {
    public let name: String
    public let fields: [FieldSchema]

    public init(_ name: String, _ fields: [FieldSchema]) {
        self.name = name
        self.fields = fields
    }

    public func field(named name: String) -> FieldSchema? { fields.first { $0.name == name } }
}

extension FieldType {
    /// The object type of a schema-describing record.
    public static func object<T: SchemaDescribing>(_ type: T.Type) -> FieldType { .object(T.schema) }
}

extension ObjectSchema {
    /// The same record type with `more` fields after its own (a kind's core plus its sections).
    public func adding(_ more: [FieldSchema]) -> ObjectSchema { ObjectSchema(name, fields + more) }
}
