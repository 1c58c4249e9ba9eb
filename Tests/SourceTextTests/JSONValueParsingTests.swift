import Foundation
@testable import SourceText
import Testing

@Suite("Reading JSON text")
struct JSONValueParsingTests {
    struct Broken: Sendable, CustomTestStringConvertible {
        let text: String
        let line: Int
        let column: Int
        let message: String
        var testDescription: String { text.debugDescription }
    }

    static func failure(_ text: String) -> JSONValue.ParseError? {
        do {
            _ = try JSONValue.parse(Data(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test("valid JSON parses", arguments: [
        #"{}"#, #"[]"#, #"{"a": [1, 2.5e3, -1, true, false, null, "x\"y"], "b": {}}"#, "  [ [ ], { } ]  ", #""text""#,
        "0", "-0.5E-3", "1e+9", #""\u00e9\/""#,
    ])
    func valid(_ text: String) {
        #expect(Self.failure(text) == nil)
    }

    /// The places and messages `JSONText.decode` has always given (once JSONSyntaxLocator's).
    static let syntaxErrors = [
        Broken(text: "{\"a\": 1,\n \"b\": tr", line: 2, column: 9, message: "unexpected end of file in 'true'"),
        Broken(text: "{\"a\" 1}", line: 1, column: 6, message: "expected ':' after a key"),
        Broken(text: "[1, 2", line: 1, column: 6, message: "unexpected end of file: a list is not closed"),
        Broken(text: "[1 2]", line: 1, column: 4, message: "expected ',' or ']'"),
        Broken(text: "{\"a\": 1}}", line: 1, column: 9, message: "unexpected text after the JSON value"),
        Broken(text: "{a: 1}", line: 1, column: 2, message: "expected a quoted key"),
        Broken(text: "", line: 1, column: 1, message: "unexpected end of file: a value is missing"),
        Broken(text: "{\"a\": \"unterminated", line: 1, column: 20, message: "unexpected end of file inside a string"),
        Broken(text: "{\"a\": 1", line: 1, column: 8, message: "unexpected end of file: an object is not closed"),
        Broken(text: "{\"a\": 1,", line: 1, column: 9, message: "unexpected end of file: an object is not closed"),
        Broken(text: "{\"a\"", line: 1, column: 5, message: "unexpected end of file after a key"),
        Broken(text: "{\"a\":", line: 1, column: 6, message: "unexpected end of file: a value is missing"),
        Broken(text: "{\"a\": 1 \"b\": 2}", line: 1, column: 9, message: "expected ',' or '}'"),
        Broken(text: "{\"a\": 1, }", line: 1, column: 10, message: "expected a quoted key"),
        Broken(text: "[1, ]", line: 1, column: 5, message: "unexpected character ']'"),
        Broken(text: "[}", line: 1, column: 2, message: "unexpected character '}'"),
        Broken(text: "[nul]", line: 1, column: 2, message: "invalid literal (expected 'null')"),
        Broken(text: "{\n  \"a\": tru\n}", line: 2, column: 8, message: "invalid literal (expected 'true')"),
        Broken(text: "[\"a\tb\"]", line: 1, column: 4, message: "control character in a string"),
        Broken(text: "\"é\"\n  x", line: 2, column: 3, message: "unexpected text after the JSON value"),
    ]

    /// Numbers and escapes JSON does not allow, which JSONSyntaxLocator let through: errors
    /// at their start.
    static let scalarErrors = [
        Broken(text: "[01]", line: 1, column: 2, message: "invalid number '01'"),
        Broken(text: "[1.2.3]", line: 1, column: 2, message: "invalid number '1.2.3'"),
        Broken(text: "[1.]", line: 1, column: 2, message: "invalid number '1.'"),
        Broken(text: "[-]", line: 1, column: 2, message: "invalid number '-'"),
        Broken(text: "[1e]", line: 1, column: 2, message: "invalid number '1e'"),
        Broken(text: "[1-2]", line: 1, column: 2, message: "invalid number '1-2'"),
        Broken(text: "[+1]", line: 1, column: 2, message: "unexpected character '+'"),
        Broken(text: #"["a\qb"]"#, line: 1, column: 4, message: "invalid escape in a string"),
        Broken(text: #"["\u12G4"]"#, line: 1, column: 3, message: "invalid escape in a string"),
        Broken(text: #"["\"#, line: 1, column: 4, message: "unexpected end of file inside a string"),
        Broken(text: #"["\u12"#, line: 1, column: 7, message: "unexpected end of file inside a string"),
    ]

    @Test("invalid JSON is located by line and column, and says what is wrong", arguments: syntaxErrors + scalarErrors)
    func invalid(_ broken: Broken) throws {
        let error = try #require(Self.failure(broken.text))
        #expect(error.line == broken.line && error.column == broken.column && error.message == broken.message, "\(error)")
        #expect(error.description == "\(broken.line):\(broken.column): \(broken.message)")
    }

    @Test("nesting up to the limit parses; deeper JSON fails at the bracket past it")
    func depthLimit() throws {
        let limit = JSONValue.maxDepth
        var value = try JSONValue.parse(String(repeating: "[", count: limit) + "1" + String(repeating: "]", count: limit))
        for _ in 0..<limit { value = try #require(value[0]) }
        #expect(value == .number("1"))
        for depth in [limit + 1, 200_000] {
            let lists = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let error = try #require(Self.failure(lists))
            #expect(error.message == "arrays and objects nested deeper than \(limit) levels")
            #expect(error.line == 1 && error.column == limit + 1, "\(error)")
        }
        // Objects count alike; each level here is five characters: {"a":
        let objects = String(repeating: #"{"a":"#, count: limit + 1) + "0" + String(repeating: "}", count: limit + 1)
        let error = try #require(Self.failure(objects))
        #expect(error.column == 5 * limit + 1 && error.message.contains("deeper"), "\(error)")
    }

    @Test("text nested past the limit that is not JSON says where it breaks; no depth exhausts the stack")
    func deepBroken() throws {
        let open = String(repeating: "[", count: 200_000)
        #expect(Self.failure(open)?.message == "unexpected end of file: a list is not closed")
        let error = try #require(Self.failure(open + "1}"))
        #expect(error.message == "expected ',' or ']'" && error.column == 200_002)
    }

    @Test("numbers keep their text")
    func numberText() throws {
        let value = try JSONValue.parse(#"[1700000000.123, 12345678901234567890, -0, 1E400, 2.50]"#)
        #expect(value.arrayValue?.compactMap(\.numberText) == ["1700000000.123", "12345678901234567890", "-0", "1E400", "2.50"])
    }

    @Test("members keep their order; a repeated key keeps its first place and its last value")
    func memberOrder() throws {
        let value = try JSONValue.parse(#"{"z": 1, "a": 2, "m": {"y": true, "b": null}, "a": 3}"#)
        #expect(value.objectMembers?.map(\.key) == ["z", "a", "m"])
        #expect(value["a"] == .number("3"))
        #expect(value["m"]?.objectMembers?.map(\.key) == ["y", "b"])
        // Long objects look keys up another way: the rule is the same.
        let members = (0..<40).map { #""k\#($0)": \#($0)"# } + [#""k3": "again""#, #""k39": "last""#]
        let long = try JSONValue.parse("{" + members.joined(separator: ", ") + "}")
        #expect(long.objectMembers?.count == 40)
        #expect(long.objectMembers?[3] == JSONMember("k3", .string("again")))
        #expect(long.objectMembers?.last == JSONMember("k39", .string("last")))
    }

    @Test("strings: escapes, surrogate pairs, a lone surrogate as U+FFFD, text after an escape")
    func strings() throws {
        let value = try JSONValue.parse(#"["a\"b\\c\n\/", "\u00e9\ud83d\ude00", "\ud800x", "\u0041bc", "plain é"]"#)
        #expect(value.arrayValue?.compactMap(\.stringValue) == ["a\"b\\c\n/", "é😀", "\u{FFFD}x", "Abc", "plain é"])
    }

    @Test("a caller's number rule fails the parse at the number")
    func numberCheck() throws {
        let text = "{\n  \"a\": 12,\n  \"b\": 99999999999999999999}"
        let refuse: (String) -> String? = { Int64($0) == nil ? "integer \($0) does not fit in 64 bits" : nil }
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(text, checkingNumbers: refuse) }
        do {
            _ = try JSONValue.parse(Data(text.utf8), checkingNumbers: refuse)
        } catch {
            #expect(error.description == "3:8: integer 99999999999999999999 does not fit in 64 bits")
        }
        #expect(try JSONValue.parse("[12]", checkingNumbers: refuse) == .array([.number("12")]))
    }

    @Test("accessors answer nil for the wrong kind")
    func accessors() throws {
        let value = try JSONValue.parse(#"{"s": "x", "b": false, "n": 1, "l": [null]}"#)
        #expect(value["s"]?.stringValue == "x" && value["s"]?.boolValue == nil)
        #expect(value["b"]?.boolValue == false && value["b"]?.numberText == nil)
        #expect(value["l"]?[0] == .null && value["l"]?[1] == nil && value[0] == nil)
        #expect(value["missing"] == nil && value["l"]?["s"] == nil)
    }
}
