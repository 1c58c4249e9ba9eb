import Foundation
import HTTP
import SourceText

/// JSON answers (json, rest-json) passed through the output shape, as botocore's JSON parsers
/// do: members the model does not name and null members are dropped, the rest keep their types.
extension AWSWireDecoder {
    func decodeJSONProtocol(_ response: HTTPResponse, operation: AWSOperation, rest: Bool) throws(WireDecodingError) -> JSONValue {
        guard let outputIndex = operation.output else { return .object([]) }
        let output = model.shape(outputIndex)
        var body = JSONValue.object([])
        if !response.body.isEmpty {
            do throws(JSONValue.ParseError) {
                body = try JSONValue.parse(response.body)
            } catch {
                throw WireDecodingError(reason: "the body is not JSON (\(error))")
            }
        }
        guard rest else {
            guard case .object = body else { throw WireDecodingError(reason: "the body is not a JSON object") }
            return jsonValue(output, body, rest: false)
        }
        var members = try headerMembers(output, response: response)
        if let payload = output.payload, let reference = output.members.first(where: { $0.name == payload }) {
            let shape = model.shape(reference.shape)
            let value: JSONValue = shape.kind == .string || shape.kind == .blob
                ? .string(String(decoding: response.body, as: UTF8.self)) : jsonValue(shape, body, rest: true)
            members.append(JSONMember(payload, value))
        } else if case let .object(bodyMembers) = jsonValue(output, body, rest: true) {
            members += bodyMembers
        }
        return .object(members)
    }

    func jsonValue(_ shape: AWSShape, _ value: JSONValue, rest: Bool) -> JSONValue {
        switch (shape.kind, value) {
        case let (.structure, .object(fields)):
            var members: [JSONMember] = []
            for reference in shape.members where reference.location == .body {
                let wireName = reference.wireName
                guard let field = fields.first(where: { $0.key == wireName }), field.value != .null else { continue }
                members.append(JSONMember(reference.name, jsonValue(model.shape(reference.shape), field.value, rest: rest)))
            }
            return .object(members)
        case let (.list, .array(items)):
            guard let element = shape.element else { return value }
            let elementShape = model.shape(element.shape)
            return .array(items.map { $0 == .null ? .null : jsonValue(elementShape, $0, rest: rest) })
        case let (.map, .object(fields)):
            guard let valueReference = shape.value else { return value }
            let valueShape = model.shape(valueReference.shape)
            return .object(fields.map { JSONMember($0.key, $0.value == .null ? .null : jsonValue(valueShape, $0.value, rest: rest)) })
        case let (.integer, .number(text)), let (.long, .number(text)):
            // rest-json converts with int(); the json protocol leaves Python's parsed number.
            if rest, let double = Double(text), !Self.isIntegerText(text) { return .number(String(Int(double))) }
            return .number(Self.pythonNumberText(text))
        case let (.double, .number(text)), let (.float, .number(text)):
            if rest, let double = Double(text) { return .number(JSONValue.pythonNumber(double)) }
            return .number(Self.pythonNumberText(text))
        case let (.boolean, .string(text)) where rest:
            return .bool(text.lowercased() == "true")
        case let (_, .number(text)):
            return .number(Self.pythonNumberText(text))
        default:
            return value
        }
    }

    static func isIntegerText(_ text: String) -> Bool {
        !text.utf8.contains { $0 == 0x2E || $0 == 0x65 || $0 == 0x45 }
    }

    /// A JSON number as Python's json module reads and writes it back: integers keep their
    /// digits, other numbers become floats printed by `repr` (`1.7E9` → `1700000000.0`).
    static func pythonNumberText(_ text: String) -> String {
        if isIntegerText(text) { return text }
        guard let double = Double(text) else { return text }
        return JSONValue.pythonNumber(double)
    }
}
