import Foundation
@testable import SourceText
import Testing

@Suite("Where JSON breaks")
struct JSONSyntaxLocatorTests {
    @Test("valid JSON has no problem", arguments: [
        #"{}"#, #"[]"#, #"{"a": [1, 2.5e3, -1, true, false, null, "x\"y"], "b": {}}"#, "  [ [ ], { } ]  ", #""text""#,
    ])
    func valid(_ text: String) {
        #expect(JSONSyntaxLocator.firstError(in: Data(text.utf8)) == nil)
    }

    @Test("invalid JSON is located by line and column", arguments: [
        ("{\"a\": 1,\n \"b\": tr", 2, 9),
        ("{\"a\" 1}", 1, 6),
        ("[1, 2", 1, 6),
        ("[1 2]", 1, 4),
        ("{\"a\": 1}}", 1, 9),
        ("{a: 1}", 1, 2),
        ("", 1, 1),
        ("{\"a\": \"unterminated", 1, 20),
    ])
    func invalid(text: String, line: Int, column: Int) throws {
        let problem = try #require(JSONSyntaxLocator.firstError(in: Data(text.utf8)))
        #expect(problem.line == line && problem.column == column, "\(problem)")
    }

    @Test("deep nesting does not exhaust the stack")
    func deep() {
        let text = String(repeating: "[", count: 200_000)
        #expect(JSONSyntaxLocator.firstError(in: Data(text.utf8))?.message.contains("not closed") == true)
    }
}
