import Foundation
import SourceText
import Testing

@Suite("Writing JSON text")
struct JSONValueWritingTests {
    static let value = JSONValue.object([
        JSONMember("z", .string("é \"q\" \\ \n\t\u{1}")), JSONMember("a", .array([.number("1.50"), .bool(true), .null])),
        JSONMember("empty", .object([])), JSONMember("none", .array([])),
    ])

    @Test("compact: members in order, number text as is, only quotes, backslashes and control characters escaped")
    func compact() {
        let text = String(decoding: Self.value.data(), as: UTF8.self)
        #expect(text == #"{"z":"é \"q\" \\ \n\t\u0001","a":[1.50,true,null],"empty":{},"none":[]}"#)
    }

    @Test("indent and separators as Python's json.dumps takes them; empty containers stay on one line")
    func layout() {
        let layout = JSONValue.Layout(indent: 2, itemSeparator: ",", keySeparator: ": ")
        let text = String(decoding: JSONValue.object([JSONMember("a", .array([.number("1"), .object([])]))]).data(layout), as: UTF8.self)
        #expect(text == "{\n  \"a\": [\n    1,\n    {}\n  ]\n}")
        let spaced = JSONValue.Layout(itemSeparator: ", ", keySeparator: ": ")
        #expect(String(decoding: JSONValue.array([.number("1"), .string("b")]).data(spaced), as: UTF8.self) == #"[1, "b"]"#)
    }

    @Test("what is written parses back to the same value")
    func roundTrip() throws {
        #expect(try JSONValue.parse(Self.value.data()) == Self.value)
        #expect(try JSONValue.parse(Self.value.data(JSONValue.Layout(indent: 4))) == Self.value)
    }
}
