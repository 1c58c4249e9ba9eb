import Foundation
import SourceText

/// XML answers (query, ec2, rest-xml) read through the output shape, the way botocore's
/// BaseXMLResponseParser reads them.
extension AWSWireDecoder {
    func xmlStructure(_ shape: AWSShape, node: WireXMLElement) throws(WireDecodingError) -> JSONValue {
        var byName: [String: [WireXMLElement]] = [:]
        for child in node.children { byName[child.name, default: []].append(child) }
        var members: [JSONMember] = []
        members.reserveCapacity(shape.members.count)
        for reference in shape.members where reference.location == .body {
            if let nodes = byName[xmlKeyName(reference)] {
                members.append(JSONMember(reference.name, try xmlValue(reference, nodes: nodes)))
            } else if reference.xmlAttribute, let value = node.attribute(reference.wireName) {
                members.append(JSONMember(reference.name, .string(value)))
            }
        }
        return .object(members)
    }

    /// The element name a member is found under: a flattened list with a named member is found
    /// by that name (S3 writes `<Grant>` repeated, not `<Grants>`).
    private func xmlKeyName(_ reference: AWSMemberReference) -> String {
        let shape = model.shape(reference.shape)
        if shape.kind == .list, reference.flattened, let element = shape.element, let name = element.locationName {
            return name
        }
        return reference.wireName
    }

    /// `nodes` are the elements found for the member: one, or several for a flattened list or map.
    func xmlValue(_ reference: AWSMemberReference, nodes: [WireXMLElement]) throws(WireDecodingError) -> JSONValue {
        guard let first = nodes.first else { return .null }
        let shape = model.shape(reference.shape)
        switch shape.kind {
        case .structure:
            return try xmlStructure(shape, node: first)
        case .list:
            guard let element = shape.element else { return .array([]) }
            let items = reference.flattened ? nodes : first.children
            var values: [JSONValue] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try xmlValue(element, nodes: [item])) }
            return .array(values)
        case .map:
            guard let keyReference = shape.element, let valueReference = shape.value else { return .object([]) }
            let keyName = keyReference.locationName ?? "key"
            let valueName = valueReference.locationName ?? "value"
            var members: [JSONMember] = []
            for entry in reference.flattened ? nodes : first.children {
                var key: String?
                var value: JSONValue = .null
                for part in entry.children {
                    if part.name == keyName {
                        key = part.text ?? ""
                    } else if part.name == valueName {
                        value = try xmlValue(valueReference, nodes: [part])
                    } else {
                        throw WireDecodingError(reason: "unknown tag <\(part.name)> in map \(shape.name)")
                    }
                }
                guard let key else { throw WireDecodingError(reason: "map entry without a key in \(shape.name)") }
                if let position = members.firstIndex(where: { $0.key == key }) {
                    members[position].value = value
                } else {
                    members.append(JSONMember(key, value))
                }
            }
            return .object(members)
        default:
            return try scalar(shape, text: first.text ?? "")
        }
    }

    /// A scalar from XML text or a header, as the CLI prints it: timestamps and blobs as on the
    /// wire (awscli replaces botocore's parsers with the identity), numbers as numbers,
    /// booleans true only for `true`.
    func scalar(_ shape: AWSShape, text: String) throws(WireDecodingError) -> JSONValue {
        switch shape.kind {
        case .boolean:
            return .bool(text == "true")
        case .integer, .long:
            guard let number = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw WireDecodingError(reason: "\(shape.name): '\(text.prefix(40))' is not an integer")
            }
            return .number(String(number))
        case .double, .float:
            guard let number = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw WireDecodingError(reason: "\(shape.name): '\(text.prefix(40))' is not a number")
            }
            return .number(JSONValue.pythonNumber(number))
        case .string where shape.policyDocument:
            return Self.policyDocument(text)
        default:
            return .string(text)
        }
    }

    /// IAM sends policy documents URL-encoded; botocore's json_decode_policies URL-decodes
    /// them and parses the JSON, keeping the text when it is not JSON.
    static func policyDocument(_ text: String) -> JSONValue {
        (try? JSONValue.parse(percentDecoded(text))) ?? .string(text)
    }

    /// Python's `urllib.parse.unquote`: `%XX` decoded (invalid escapes kept as written, `+`
    /// kept), the bytes read as UTF-8 with replacement characters.
    static func percentDecoded(_ text: String) -> Data {
        let bytes = Array(text.utf8)
        guard bytes.contains(0x25) else { return Data(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x41...0x46: byte - 0x37
            case 0x61...0x66: byte - 0x57
            default: nil
            }
        }
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        // Invalid UTF-8 is replaced when the JSON reader makes strings, as Python's unquote does.
        return Data(out)
    }
}
