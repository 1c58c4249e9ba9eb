import Foundation
import SourceText
import Testing

@Suite("JSON into typed values")
struct JSONTextTests {
    struct Item: Decodable, Equatable {
        var name: String
        var created: Date?
    }

    @Test("text that is not JSON fails with the parser's line, column and message")
    func syntaxError() {
        #expect {
            try JSONText.decode(Item.self, from: Data("{\"name\": \"a\",\n  \"created\": tru}".utf8))
        } throws: { error in
            "\(error)" == "2:14: invalid JSON: invalid literal (expected 'true')"
        }
    }

    @Test("JSON of another shape fails with its JSON path, and no place")
    func shapeError() {
        #expect {
            try JSONText.decode(Item.self, from: Data(#"{"name": 7}"#.utf8))
        } throws: { error in
            (error as? JSONText.Failure).map { $0.line == nil && $0.message.hasPrefix("$.name: expected a string") } ?? false
        }
    }

    @Test("a tree decodes as its text does, dates included")
    func tree() throws {
        let tree = try JSONValue.parse(#"{"created": "2021-03-04T05:06:07Z", "name": "a", "extra": [1]}"#)
        let item = try JSONText.decode(Item.self, from: tree)
        #expect(item == Item(name: "a", created: RFC3339.parse("2021-03-04T05:06:07Z", .lenient)))
        #expect(throws: JSONText.Failure.self) { try JSONText.decode(Item.self, from: JSONValue.array([])) }
    }
}
