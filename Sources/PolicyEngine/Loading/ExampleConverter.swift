import CEL
import Foundation
import Model
import SourceText
import Yams

/// Converts a policy's example resources from YAML to CEL values, guided by the model's schema:
/// an unknown field or a value of the wrong type is a load error at its line and column,
/// so a typo in an example cannot make a test pass by accident.
struct ExampleConverter {
    let kind: ResourceKind
    let provider: ProviderID
    /// The kind's schema in the loaded model: core fields and provider sections.
    let schema: ObjectSchema

    /// The example as a resource value, with defaults for the fields every resource has and
    /// the policy's provider section (a real resource of that provider always has one).
    func resource(_ node: Node, reader: inout NodeReader) -> CELValue? {
        guard case .mapping = node else {
            reader.error("type", "an example must be a mapping of \(kind.rawValue) fields, found \(reader.describe(node))", at: node)
            return nil
        }
        guard case let .map(map)? = value(node, type: .object(schema), path: kind.rawValue, reader: &reader) else { return nil }
        var fields: [String: CELValue] = [
            "id": .string("example-\(kind.rawValue)"), "name": .string("example"),
            "provider": .string(provider.rawValue), "account": .string("123456789012"),
            "source": .map(CELMap(["kind": .string("file"), "location": .string("example")])),
        ]
        for entry in map.entries { if case let .string(key) = entry.key { fields[key] = entry.value } }
        if fields[provider.rawValue] == nil, case let .object(section)? = schema.field(named: provider.rawValue)?.type {
            fields[provider.rawValue] = Self.empty(section)
        }
        return .map(CELMap(fields))
    }

    private func value(_ node: Node, type: FieldType, path: String, reader: inout NodeReader) -> CELValue? {
        switch type {
        case let .object(schema):
            guard let entries = reader.entries(of: node, what: path, allowed: schema.fields.map(\.name)) else { return nil }
            var result: [String: CELValue] = [:]
            for (name, entry) in entries {
                guard let field = schema.field(named: name), !isNull(entry.value) else { continue }
                if let converted = value(entry.value, type: field.type, path: "\(path).\(name)", reader: &reader) {
                    result[name] = converted
                }
            }
            Self.fillEmpty(&result, schema)
            return .map(CELMap(result))
        case let .list(element):
            guard case let .sequence(sequence) = node else {
                reader.error("type", "\(path) must be a list, found \(reader.describe(node))", at: node)
                return nil
            }
            return .list(sequence.enumerated().compactMap { index, item in
                value(item, type: element, path: "\(path)[\(index)]", reader: &reader)
            })
        case let .map(valueType):
            guard let entries = reader.entries(of: node, what: path, allowed: []) else { return nil }
            var result: [String: CELValue] = [:]
            for (key, entry) in entries {
                if let converted = value(entry.value, type: valueType, path: "\(path).\(key)", reader: &reader) { result[key] = converted }
            }
            return .map(CELMap(result))
        default:
            return scalar(node, type: type, path: path, reader: &reader)
        }
    }

    private func scalar(_ node: Node, type: FieldType, path: String, reader: inout NodeReader) -> CELValue? {
        guard case let .scalar(scalar) = node else {
            reader.error("type", "\(path) must be a \(type.displayName), found \(reader.describe(node))", at: node)
            return nil
        }
        let text = scalar.string
        let converted: CELValue?
        switch type {
        case .string: converted = .string(text)
        case let .enumeration(values):
            guard values.contains(text) else {
                reader.error("invalid-value", "\(path) must be one of \(values.joined(separator: ", ")), not '\(text)'", at: node)
                return nil
            }
            converted = .string(text)
        case .int: converted = Int64(text).map(CELValue.int)
        case .double: converted = Double(text).map(CELValue.double)
        case .bool: converted = ["true": true, "false": false][text.lowercased()].map(CELValue.bool)
        case .timestamp: converted = RFC3339.parse(text).map { .timestamp(CELTimestamp(date: $0)) }
        default: converted = nil
        }
        if converted == nil {
            reader.error("type", "\(path) must be a \(type.displayName), found '\(text)'", at: node)
        }
        return converted
    }

    /// Lists and maps are never absent on a real resource (empty instead): examples may leave
    /// them out, as they leave out everything the policy does not read.
    private static func fillEmpty(_ result: inout [String: CELValue], _ schema: ObjectSchema) {
        for field in schema.fields where !field.optional && result[field.name] == nil {
            switch field.type {
            case .list: result[field.name] = .list([])
            case .map: result[field.name] = .map(CELMap([:]))
            default: break
            }
        }
    }

    /// A record the example does not mention: its lists and maps empty, nothing else known.
    static func empty(_ schema: ObjectSchema) -> CELValue {
        var result: [String: CELValue] = [:]
        fillEmpty(&result, schema)
        return .map(CELMap(result))
    }

    private func isNull(_ node: Node) -> Bool {
        if case let .scalar(scalar) = node { return scalar.isNull }
        return false
    }

}
