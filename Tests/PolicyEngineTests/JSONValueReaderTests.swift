import CEL
@testable import PolicyEngine
import Testing

@Suite("Reading JSON into CEL values")
struct JSONValueReaderTests {
    @Test("ints stay ints and doubles stay doubles")
    func numbers() throws {
        let value = try JSONValueReader.read(#"{"a": 1, "b": 1.0, "c": 1e3, "d": -9223372036854775808}"#)
        #expect(CELValueFormatter.json(value) == #"{"a":1,"b":1.0,"c":1000.0,"d":-9223372036854775808}"#)
    }

    @Test("strings with escapes and surrogate pairs")
    func strings() throws {
        let value = try JSONValueReader.read(#"["a\"b\\c\n", "\u00e9\ud83d\ude00"]"#)
        guard case let .list(items) = value, case let .string(second) = items[1] else { Issue.record("not a list"); return }
        #expect(second == "é😀")
    }

    @Test("errors name line and column", arguments: [
        ("{\n  \"a\": tru\n}", 2, 8),
        ("[1, 2", 1, 6),
        ("{\"a\": 99999999999999999999}", 1, 7),
        ("", 1, 1),
    ])
    func errors(text: String, line: Int, column: Int) {
        do {
            _ = try JSONValueReader.read(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
        }
    }

    @Test("errors say what is wrong in the JSON parser's words; an integer past 64 bits is refused at its place")
    func messages() {
        let cases = [
            ("[1, 2", "1:6: unexpected end of file: a list is not closed"),
            ("{\"a\": 9223372036854775808}", "1:7: integer 9223372036854775808 does not fit in 64 bits"),
            ("[1.5e3, 01]", "1:9: invalid number '01'"),
        ]
        for (text, expected) in cases {
            #expect(throws: JSONValueReader.Failure.self) { try JSONValueReader.read(text) }
            do { _ = try JSONValueReader.read(text) } catch { #expect(error.description == expected) }
        }
    }

    @Test("objects become maps with their members in text order; a repeated key takes its last value")
    func memberOrder() throws {
        let value = try JSONValueReader.read(#"{"z": 1, "a": [true, null], "z": 2.5}"#)
        guard case let .map(map) = value else { Issue.record("not a map"); return }
        #expect(map.entries.map(\.key) == [.string("z"), .string("a")])
        #expect(map.entries.first?.value == .double(2.5))
    }

    @Test("deep nesting is an error, not a crash")
    func deepNesting() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONValueReader.Failure.self) { try JSONValueReader.read(text) }
    }
}
