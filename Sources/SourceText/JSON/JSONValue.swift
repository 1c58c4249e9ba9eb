/// A JSON document as its text says it: object members keep their order and numbers keep their
/// text, so that what is read can be written back as it was (AWS answers are printed in the
/// CLI's member order; `1700000000.123` and `12345678901234567890` survive no binary type) and
/// each reader decides what a number is (CEL's `int` or `double`, Python's `int` or `float`).
///
/// Read with `JSONValue.parse`; trees it builds nest at most `JSONValue.maxDepth` deep, so the
/// recursive walks over them (writing, comparing, converting) cannot exhaust the stack.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number as its JSON text (`-1`, `2.5e3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in text order; a key appears once (see `parse` for repeated keys).
    case object([JSONMember])

    /// The value of an object's member; nil for a missing member or a non-object.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The element at `index` of an array; nil out of range or for a non-array.
    public subscript(index: Int) -> JSONValue? {
        guard case let .array(items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    public var stringValue: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    public var boolValue: Bool? {
        if case let .bool(flag) = self { return flag }
        return nil
    }

    /// A number's text, as written in the document.
    public var numberText: String? {
        if case let .number(text) = self { return text }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case let .array(items) = self { return items }
        return nil
    }

    public var objectMembers: [JSONMember]? {
        if case let .object(members) = self { return members }
        return nil
    }
}

/// One member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
