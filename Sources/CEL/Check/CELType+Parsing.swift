extension CELType {
    /// Parses a CEL type name as written in declarations and in cel-spec's `type_env`:
    /// `int`, `uint`, `double`, `bool`, `string`, `bytes`, `dyn`, `null_type`, `type`,
    /// `list(T)`, `map(K, V)`, `google.protobuf.Timestamp`, `google.protobuf.Duration`
    /// (also `timestamp` and `duration`). Returns nil for anything else.
    public init?(parsing text: String) {
        var parser = TypeNameParser(text: Array(text.unicodeScalars))
        guard let type = parser.parseType(), parser.atEnd else { return nil }
        self = type
    }
}

/// A small recursive-descent parser over type names; nesting is bounded by the input length.
private struct TypeNameParser {
    let text: [Unicode.Scalar]
    var index = 0

    init(text: [Unicode.Scalar]) { self.text = text }

    var atEnd: Bool {
        mutating get {
            skipSpaces()
            return index == text.count
        }
    }

    mutating func parseType() -> CELType? {
        let name = readName()
        switch name {
        case "list":
            guard expect("("), let element = parseType(), expect(")") else { return nil }
            return .list(element)
        case "map":
            guard expect("("), let key = parseType(), expect(","), let value = parseType(), expect(")") else { return nil }
            return .map(key: key, value: value)
        default:
            return Self.simpleTypes[name]
        }
    }

    static let simpleTypes: [String: CELType] = [
        "int": .int, "uint": .uint, "double": .double, "bool": .bool, "string": .string,
        "bytes": .bytes, "dyn": .dyn, "null_type": .null, "type": .type,
        "timestamp": .timestamp, "google.protobuf.Timestamp": .timestamp,
        "duration": .duration, "google.protobuf.Duration": .duration,
    ]

    private mutating func skipSpaces() {
        while index < text.count, text[index].properties.isWhitespace { index += 1 }
    }

    private mutating func readName() -> String {
        skipSpaces()
        var name = ""
        while index < text.count, text[index] == "." || text[index] == "_" || text[index].properties.isAlphabetic
            || ("0"..."9").contains(text[index])
        {
            name.unicodeScalars.append(text[index])
            index += 1
        }
        return name
    }

    private mutating func expect(_ symbol: Unicode.Scalar) -> Bool {
        skipSpaces()
        guard index < text.count, text[index] == symbol else { return false }
        index += 1
        return true
    }
}
