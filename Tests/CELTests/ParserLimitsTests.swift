import Testing
@testable import CEL

/// Hostile inputs must end in one `limit` diagnostic, never in a crash or a stack overflow.
@Suite("Parser limits")
struct ParserLimitsTests {
    static let deep = 10_000

    struct DeepInput: CustomTestStringConvertible, Sendable {
        let label: String
        let source: String
        var testDescription: String { label }
    }

    static let deepInputs: [DeepInput] = [
        DeepInput(label: "parentheses", source: String(repeating: "(", count: deep) + "x" + String(repeating: ")", count: deep)),
        DeepInput(label: "logical not", source: String(repeating: "!", count: deep) + "x"),
        DeepInput(label: "negation", source: String(repeating: "-", count: deep) + "1"),
        DeepInput(label: "nested lists", source: String(repeating: "[", count: deep) + String(repeating: "]", count: deep)),
        DeepInput(label: "nested maps", source: String(repeating: "{1: ", count: deep) + "1" + String(repeating: "}", count: deep)),
        DeepInput(label: "nested calls", source: String(repeating: "f(", count: deep) + "1" + String(repeating: ")", count: deep)),
        DeepInput(label: "unclosed parentheses", source: String(repeating: "(", count: deep)),
        DeepInput(label: "sum chain", source: Array(repeating: "1", count: deep).joined(separator: " + ")),
        DeepInput(label: "and chain", source: Array(repeating: "a", count: deep).joined(separator: " && ")),
        DeepInput(label: "relation chain", source: Array(repeating: "a", count: deep).joined(separator: " == ")),
        DeepInput(label: "selection chain", source: "a" + String(repeating: ".b", count: deep)),
        DeepInput(label: "index chain", source: "x" + String(repeating: "[0]", count: deep)),
        DeepInput(label: "method chain", source: "x" + String(repeating: ".f()", count: deep)),
        DeepInput(label: "conditional chain", source: String(repeating: "a ? b : ", count: deep) + "c"),
        DeepInput(label: "macro chain", source: "x" + String(repeating: ".map(y, y)", count: deep / 2)),
        DeepInput(label: "index inside index", source: String(repeating: "x[", count: deep) + "0" + String(repeating: "]", count: deep)),
    ]

    @Test("10,000-deep input gives one nesting-limit diagnostic", arguments: deepInputs)
    func deepInputIsRejected(input: DeepInput) {
        let found = ParseProbe.diagnostics(input.source)
        #expect(found.count == 1)
        #expect(found.first?.code == "limit")
        #expect(found.first?.message == "expression nesting exceeds the limit of 100")
    }

    @Test("depth up to the limit parses, one more level is rejected")
    func limitBoundary() throws {
        let limits = CELLimits(maxNestingDepth: 10)
        // `a.b.b…`: the identifier is depth 1 and each selection adds one.
        let atLimit = "a" + String(repeating: ".b", count: 9)
        #expect(throws: Never.self) { try Parser(limits: limits).parse(atLimit) }
        let overLimit = ParseProbe.diagnostics(atLimit + ".b", limits: limits)
        #expect(overLimit.map(\.code) == ["limit"])
        // Reported at the selection that made the tree too deep: its `.`, column 20.
        #expect(overLimit.first?.position == SourcePosition(offset: 19, line: 1, column: 20))
    }

    @Test("a long flat sum is rejected where it becomes too deep")
    func sumChainPosition() {
        let source = Array(repeating: "1", count: 200).joined(separator: "+")
        let found = ParseProbe.diagnostics(source)
        // Operand k (1-based) starts at column 2k-1; the `+` before operand 101 builds depth 101.
        #expect(found.first?.position.column == 200)
        #expect(found.first?.code == "limit")
    }

    @Test("a wide but shallow expression is fine")
    func wideExpression() throws {
        let source = "[" + Array(repeating: "1", count: 20_000).joined(separator: ", ") + "]"
        let parsed = try Parser().parse(source)
        #expect(parsed.maxID == 20_001)
    }

    @Test("source longer than the length limit gives one limit diagnostic")
    func lengthLimit() {
        let limits = CELLimits(maxExpressionLength: 10)
        let found = ParseProbe.diagnostics("aaaaa + bbbbb", limits: limits)
        #expect(found.count == 1)
        #expect(found.first?.code == "limit")
        #expect(found.first?.message == "expression length 13 exceeds the limit of 10")
        #expect(ParseProbe.diagnostics("aaaa+bbbbb", limits: limits).isEmpty)
    }

    @Test("length counts Unicode scalars, not bytes")
    func lengthCountsScalars() {
        let limits = CELLimits(maxExpressionLength: 5)
        #expect(ParseProbe.diagnostics("'ééé'", limits: limits).isEmpty)
    }

    @Test("the default limits accept 100 levels of nesting as langdef requires (32)")
    func defaultDepthIsGenerous() throws {
        let source = String(repeating: "[", count: 99) + String(repeating: "]", count: 99)
        #expect(throws: Never.self) { try Parser().parse(source) }
    }
}
