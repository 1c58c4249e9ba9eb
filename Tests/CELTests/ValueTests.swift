import Testing
@testable import CEL

@Suite("CEL values")
struct ValueTests {
    @Test("equality is heterogeneous across numbers and never equates NaN")
    func equality() {
        #expect(CELValue.int(1) == .double(1.0))
        #expect(CELValue.int(1) == .uint(1))
        #expect(CELValue.int(1) != .string("1"))
        #expect(CELValue.double(.nan) != .double(.nan))
        #expect(CELValue.null == .null)
        #expect(CELValue.list([1, 2]) == .list([.uint(1), .double(2)]))
    }

    @Test("maps compare keywise regardless of order")
    func mapEquality() {
        let a = CELMap(entries: [(key: "x", value: 1), (key: "y", value: 2)])
        let b = CELMap(entries: [(key: "y", value: 2), (key: "x", value: .double(1))])
        #expect(CELValue.map(a) == .map(b))
    }

    @Test("map lookup treats equal int, uint and double keys as the same key")
    func numericKeys() throws {
        let map = CELMap(entries: [(key: 1, value: "a"), (key: .uint(2), value: "b")])
        #expect(map[.double(1.0)] == "a")
        #expect(map[.int(2)] == "b")
        #expect(map[.double(2.5)] == nil)
        #expect(throws: CELEvaluationError.self) { try CELMap.literal([(key: 0, value: 1), (key: .uint(0), value: 2)]) }
        #expect(throws: CELEvaluationError.self) { try CELMap.literal([(key: .double(1.5), value: 1)]) }
    }

    @Test("string-keyed maps keep their dictionary and report their keys")
    func stringKeyedMaps() {
        let map = CELMap(["enabled": true, "name": "logs"])
        #expect(map["enabled"] == true)
        #expect(map.count == 2)
        #expect(Set(map.keys.map(\.description)) == ["\"enabled\"", "\"name\""])
    }

    @Test("fields built with precomputed keys: a repeated key keeps its last value in its first place")
    func precomputedFields() {
        var fields = CELMap.Fields(capacity: 3)
        fields.append(FieldKey("a"), 1)
        fields.append(FieldKey("b"), 2)
        fields.append(FieldKey("a"), 3)
        fields.append(FieldKey("c"), ifPresent: nil)
        let map = CELMap(fields)
        #expect(map.count == 2)
        #expect(map.keys == ["a", "b"])
        #expect(map["a"] == 3)
        #expect(map[FieldKey("b")] == 2)
        #expect(map["c"] == nil)
        #expect(CELValue.map(map) == .map(CELMap(["b": 2, "a": 3])))
    }

    @Test("maps past the linear-search size and with mixed keys find every entry")
    func largeAndMixedMaps() {
        let names = (0..<100).map { "field\($0)" }
        let large = CELMap(Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, CELValue.int(Int64($0))) }))
        #expect(large.count == 100)
        #expect(names.enumerated().allSatisfy { large[$1] == .int(Int64($0)) })
        #expect(large["field100"] == nil)
        let mixed = CELMap(entries: [(key: "x", value: 1), (key: 2, value: "two"), (key: "x", value: 3)])
        #expect(mixed.count == 2)
        #expect(mixed.keys == ["x", 2])
        #expect(mixed["x"] == 3)
        #expect(mixed[.uint(2)] == "two")
    }

    @Test("typeName names runtime types as CEL does")
    func typeNames() {
        #expect(CELValue.int(1).typeName == "int")
        #expect(CELValue.map(CELMap([:])).typeName == "map")
        #expect(CELValue.timestamp(CELTimestamp(seconds: 0, nanos: 0)).typeName == "google.protobuf.Timestamp")
    }

    @Test("timestamps and durations render in RFC 3339 and protobuf JSON form")
    func timeRendering() throws {
        #expect(CELTimestamp(seconds: 1_234_567_890, nanos: 120_000_000).rfc3339 == "2009-02-13T23:31:30.120Z")
        #expect(CELTimestamp(seconds: CELTimestamp.minSeconds, nanos: 0).rfc3339 == "0001-01-01T00:00:00Z")
        #expect(CELDuration(seconds: -1, nanos: -500_000_000).protoJSON == "-1.500s")
        #expect(try TimeText.parseDuration("-1.5s") == CELDuration(seconds: -1, nanos: -500_000_000))
    }
}
