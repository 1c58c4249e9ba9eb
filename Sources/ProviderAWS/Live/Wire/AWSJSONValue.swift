/// A JSON document as the AWS CLI prints it: object members keep their order (the CLI writes
/// them in model order) and numbers keep their text (integers stay integers, wire timestamps
/// such as `1700000000.123` are not rounded through a binary type).
public indirect enum AWSJSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number as JSON text.
    case number(String)
    case string(String)
    case array([AWSJSONValue])
    case object([AWSJSONMember])

    /// The value of an object's member; nil for a missing member or a non-object.
    public subscript(key: String) -> AWSJSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    public var boolValue: Bool? {
        if case let .bool(flag) = self { return flag }
        return nil
    }
}

/// One member of a JSON object.
public struct AWSJSONMember: Sendable, Equatable {
    public var key: String
    public var value: AWSJSONValue

    public init(_ key: String, _ value: AWSJSONValue) {
        self.key = key
        self.value = value
    }
}
