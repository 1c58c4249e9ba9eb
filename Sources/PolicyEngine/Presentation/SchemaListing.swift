import CEL
import Model

/// The model's schema as policy authors see it (`posture policies schema [KIND]`).
public enum SchemaListing {
    /// Every field of `kinds`, nested records indented under their field.
    public static func text(_ kinds: [ResourceKind], model: ModelCatalog) -> String {
        var lines: [String] = []
        for kind in kinds {
            guard let schema = model.schema(kind) else { continue }
            lines.append("\(kind.rawValue)  (variable '\(kind.rawValue)' in policies with resource: \(kind.rawValue))")
            appendFields(of: schema, indent: 1, into: &lines)
            lines.append("")
        }
        lines.append("Optional fields (?) may be absent: test them with has(), e.g. has(bucket.encryption). A provider's section (bucket.aws) is present on that provider's resources.")
        lines.append("'now' is the scan time (a timestamp) in every policy.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Machine-readable form: kind → field → {type, optional, summary, fields?}.
    public static func json(_ kinds: [ResourceKind], model: ModelCatalog) -> String {
        let value = CELValue.map(CELMap(Dictionary(uniqueKeysWithValues: kinds.compactMap { kind in
            model.schema(kind).map { (kind.rawValue, objectValue($0)) }
        })))
        return CELValueFormatter.json(value, pretty: true) + "\n"
    }

    private static func appendFields(of schema: ObjectSchema, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: indent)
        for field in schema.fields {
            let name = field.name + (field.optional ? "?" : "")
            lines.append("\(pad)\(name.padding(toLength: max(22 - pad.count, name.count), withPad: " ", startingAt: 0)) \(field.type.displayName.padding(toLength: 28, withPad: " ", startingAt: 0)) \(field.summary)")
            if let nested = nestedObject(field.type) { appendFields(of: nested, indent: indent + 1, into: &lines) }
        }
    }

    private static func nestedObject(_ type: FieldType) -> ObjectSchema? {
        switch type {
        case let .object(schema): schema
        case let .list(element), let .map(element): nestedObject(element)
        default: nil
        }
    }

    private static func objectValue(_ schema: ObjectSchema) -> CELValue {
        .map(CELMap(Dictionary(uniqueKeysWithValues: schema.fields.map { field in
            var entry: [String: CELValue] = [
                "type": .string(field.type.displayName), "optional": .bool(field.optional), "summary": .string(field.summary),
            ]
            if let nested = nestedObject(field.type) { entry["fields"] = objectValue(nested) }
            return (field.name, CELValue.map(CELMap(entry)))
        })))
    }
}
