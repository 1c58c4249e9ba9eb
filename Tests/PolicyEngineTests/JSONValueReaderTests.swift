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

    @Test("deep nesting is an error, not a crash")
    func deepNesting() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONValueReader.Failure.self) { try JSONValueReader.read(text) }
    }
}
