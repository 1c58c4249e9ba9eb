/// Type conversions: `int`, `uint`, `double`, `string`, `bool`, `bytes`, `dyn`, `type`.
extension StandardLibrary {
    static func rangeError(_ what: String) -> CELEvaluationError { CELEvaluationError("range error: \(what)") }

    static func toInt(_ value: CELValue) throws(CELEvaluationError) -> CELValue? {
        switch value {
        case .int: return value
        case let .uint(number):
            guard let converted = Int64(exactly: number) else { throw rangeError("uint \(number) does not fit in int") }
            return .int(converted)
        case let .double(number):
            // Both bounds are exclusive: -2^63 itself is rejected, as in cel-go and the conformance suite.
            guard number > -9_223_372_036_854_775_808.0, number < 9_223_372_036_854_775_808.0 else {
                throw rangeError("double \(number) does not fit in int")
            }
            return .int(Int64(number.rounded(.towardZero)))
        case let .string(text):
            guard let converted = Int64(text) else { throw CELEvaluationError("cannot convert '\(text)' to int") }
            return .int(converted)
        case let .timestamp(time): return .int(time.seconds)
        default: return nil
        }
    }

    static func toUInt(_ value: CELValue) throws(CELEvaluationError) -> CELValue? {
        switch value {
        case .uint: return value
        case let .int(number):
            guard let converted = UInt64(exactly: number) else { throw rangeError("int \(number) does not fit in uint") }
            return .uint(converted)
        case let .double(number):
            guard number > -1, number < 18_446_744_073_709_551_616.0 else {
                throw rangeError("double \(number) does not fit in uint")
            }
            return .uint(UInt64(number.rounded(.towardZero)))
        case let .string(text):
            guard let converted = UInt64(text) else { throw CELEvaluationError("cannot convert '\(text)' to uint") }
            return .uint(converted)
        default: return nil
        }
    }

    static func toDouble(_ value: CELValue) throws(CELEvaluationError) -> CELValue? {
        switch value {
        case .double: return value
        case let .int(number): return .double(Double(number))
        case let .uint(number): return .double(Double(number))
        case let .string(text):
            guard let converted = Double(text) else { throw CELEvaluationError("cannot convert '\(text)' to double") }
            return .double(converted)
        default: return nil
        }
    }

    static func toString(_ value: CELValue) throws(CELEvaluationError) -> CELValue? {
        switch value {
        case .string: return value
        case let .int(number): return .string(String(number))
        case let .uint(number): return .string(String(number))
        case let .double(number): return .string(formatDouble(number))
        case let .bool(flag): return .string(flag ? "true" : "false")
        case let .bytes(bytes):
            let text = String(decoding: bytes, as: UTF8.self)
            guard text.utf8.elementsEqual(bytes) else { throw CELEvaluationError("invalid UTF-8 in bytes") }
            return .string(text)
        case let .timestamp(time): return .string(time.rfc3339)
        case let .duration(duration): return .string(duration.protoJSON)
        default: return nil
        }
    }

    /// Shortest round-tripping decimal, like cel-go (`123.456`, `-0.0045`, `1e+100`).
    static func formatDouble(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        var text = String(number)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    static func toBool(_ value: CELValue) throws(CELEvaluationError) -> CELValue? {
        switch value {
        case .bool: return value
        case let .string(text):
            switch text {
            case "1", "t", "T", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "F", "false", "FALSE", "False": return .bool(false)
            default: throw CELEvaluationError("cannot convert '\(text)' to bool")
            }
        default: return nil
        }
    }

    static func toBytes(_ value: CELValue) -> CELValue? {
        switch value {
        case .bytes: value
        case let .string(text): .bytes(Array(text.utf8))
        default: nil
        }
    }

    static var conversionDeclarations: [FunctionDecl] {
        let a = CELType.typeParam("A")
        return [
            FunctionDecl(name: "int", documentation: "Converts to int (doubles truncate; out of range is an error).",
                         overloads: unary("int", [("int64_to_int64", .int, .int), ("uint64_to_int64", .uint, .int),
                                                  ("double_to_int64", .double, .int), ("string_to_int64", .string, .int),
                                                  ("timestamp_to_int64", .timestamp, .int)], toInt)),
            FunctionDecl(name: "uint", documentation: "Converts to uint (out of range is an error).",
                         overloads: unary("uint", [("uint64_to_uint64", .uint, .uint), ("int64_to_uint64", .int, .uint),
                                                   ("double_to_uint64", .double, .uint),
                                                   ("string_to_uint64", .string, .uint)], toUInt)),
            FunctionDecl(name: "double", documentation: "Converts to double.",
                         overloads: unary("double", [("double_to_double", .double, .double),
                                                     ("int64_to_double", .int, .double),
                                                     ("uint64_to_double", .uint, .double),
                                                     ("string_to_double", .string, .double)], toDouble)),
            FunctionDecl(name: "string", documentation: "Converts to string.",
                         overloads: unary("string", [("string_to_string", .string, .string),
                                                     ("int64_to_string", .int, .string),
                                                     ("uint64_to_string", .uint, .string),
                                                     ("double_to_string", .double, .string),
                                                     ("bool_to_string", .bool, .string),
                                                     ("bytes_to_string", .bytes, .string),
                                                     ("timestamp_to_string", .timestamp, .string),
                                                     ("duration_to_string", .duration, .string)], toString)),
            FunctionDecl(name: "bool", documentation: "Converts to bool (from 'true', 'false', 't', 'f', '1', '0', …).",
                         overloads: unary("bool", [("bool_to_bool", .bool, .bool), ("string_to_bool", .string, .bool)],
                                          toBool)),
            FunctionDecl(name: "bytes", documentation: "Converts to bytes (a string's UTF-8 encoding).",
                         overloads: unary("bytes", [("bytes_to_bytes", .bytes, .bytes),
                                                    ("string_to_bytes", .string, .bytes)], toBytes)),
            FunctionDecl(name: "dyn", documentation: "The value itself, typed `dyn` for the checker.",
                         overloads: unary("dyn", [("to_dyn", a, .dyn)]) { $0 }),
            FunctionDecl(name: "type", documentation: "The type of a value, as a type value.",
                         overloads: unary("type", [("type", a, .type)]) { .type($0.runtimeType) }),
        ]
    }
}
