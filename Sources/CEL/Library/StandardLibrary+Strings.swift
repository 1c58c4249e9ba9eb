/// String, bytes and collection functions: `size`, `contains`, `startsWith`, `endsWith`,
/// `matches`, `lowerAscii`, `upperAscii`.
extension StandardLibrary {
    /// `size(x)`: code points of a string, bytes, list elements, map entries.
    static func size(_ value: CELValue) -> CELValue? {
        switch value {
        case let .string(text): .int(Int64(text.unicodeScalars.count))
        case let .bytes(bytes): .int(Int64(bytes.count))
        case let .list(elements): .int(Int64(elements.count))
        case let .map(map): .int(Int64(map.count))
        default: nil
        }
    }

    /// Substring tests compare code points, i.e. UTF-8 bytes (Swift's String methods
    /// would use canonical equivalence, which CEL does not).
    static func contains(_ text: CELValue, _ part: CELValue) -> CELValue? {
        guard case let .string(text) = text, case let .string(part) = part else { return nil }
        if part.isEmpty { return .bool(true) }
        return .bool(text.utf8.firstRange(of: part.utf8) != nil)
    }

    static func startsWith(_ text: CELValue, _ prefix: CELValue) -> CELValue? {
        guard case let .string(text) = text, case let .string(prefix) = prefix else { return nil }
        return .bool(text.utf8.starts(with: prefix.utf8))
    }

    static func endsWith(_ text: CELValue, _ suffix: CELValue) -> CELValue? {
        guard case let .string(text) = text, case let .string(suffix) = suffix else { return nil }
        return .bool(text.utf8.reversed().starts(with: suffix.utf8.reversed()))
    }

    static func matches(_ text: CELValue, _ pattern: CELValue) throws(CELEvaluationError) -> CELValue? {
        guard case let .string(text) = text, case let .string(pattern) = pattern else { return nil }
        return .bool(try RE2.compile(pattern).matches(text))
    }

    /// Changes only ASCII letters, as the CEL strings extension specifies.
    static func mapASCII(_ value: CELValue, upper: Bool) -> CELValue? {
        guard case let .string(text) = value else { return nil }
        let range: ClosedRange<UInt8> = upper ? 97...122 : 65...90
        let bytes = text.utf8.map { range.contains($0) ? $0 ^ 0x20 : $0 }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    static var stringDeclarations: [FunctionDecl] {
        let a = CELType.typeParam("A")
        let sizeSignatures: [(id: String, parameter: CELType, result: CELType)] = [
            ("string", .string, .int), ("bytes", .bytes, .int), ("list", .list(a), .int),
            ("map", .map(key: a, value: .typeParam("B")), .int),
        ]
        let stringPair: (CELType, CELType) = (.string, .string)
        return [
            FunctionDecl(
                name: "size", documentation: "Length of a string (in code points), bytes, list or map.",
                overloads: unary("size", sizeSignatures.map { ("size_" + $0.id, $0.parameter, $0.result) }, size)
                    + unary("size", member: true, sizeSignatures.map { ($0.id + "_size", $0.parameter, $0.result) }, size)),
            FunctionDecl(
                name: "contains", documentation: "`s.contains(t)`: whether `t` occurs in `s`.",
                overloads: binary("contains", member: true, [("contains_string", stringPair, .bool)], contains)),
            FunctionDecl(
                name: "startsWith", documentation: "`s.startsWith(p)`: whether `s` begins with `p`.",
                overloads: binary("startsWith", member: true, [("starts_with_string", stringPair, .bool)], startsWith)),
            FunctionDecl(
                name: "endsWith", documentation: "`s.endsWith(p)`: whether `s` ends with `p`.",
                overloads: binary("endsWith", member: true, [("ends_with_string", stringPair, .bool)], endsWith)),
            FunctionDecl(
                name: "matches",
                documentation: "`s.matches(re)`: whether the RE2 regular expression `re` matches some part of `s`.",
                overloads: binary("matches", [("matches", stringPair, .bool)], matches)
                    + binary("matches", member: true, [("matches_string", stringPair, .bool)], matches),
                validateLiterals: validateMatchesLiterals),
            FunctionDecl(
                name: "lowerAscii", documentation: "`s.lowerAscii()`: `s` with ASCII letters lower-cased.",
                overloads: unary("lowerAscii", member: true, [("string_lower_ascii", .string, .string)]) { value in
                    mapASCII(value, upper: false)
                }),
            FunctionDecl(
                name: "upperAscii", documentation: "`s.upperAscii()`: `s` with ASCII letters upper-cased.",
                overloads: unary("upperAscii", member: true, [("string_upper_ascii", .string, .string)]) { value in
                    mapASCII(value, upper: true)
                }),
        ]
    }

    /// Rejects a literal pattern RE2 would not accept (or would read differently).
    @Sendable
    static func validateMatchesLiterals(_ literals: [Literal?]) -> (argument: Int, message: String)? {
        guard literals.count == 2, case let .string(pattern)? = literals[1] else { return nil }
        return RE2.validationError(pattern).map { (argument: 1, message: $0) }
    }
}
