import Testing
@testable import CEL

@Suite("Parser errors")
struct ParserErrorTests {
    struct Failure: Sendable, CustomTestStringConvertible {
        let source: String
        let message: String
        let position: String
        init(_ source: String, _ message: String, at position: String) {
            self.source = source
            self.message = message
            self.position = position
        }
        var testDescription: String { source.debugDescription }
    }

    static let failures: [Failure] = [
        Failure("", "mismatched input '<EOF>' expecting an expression", at: "1:1"),
        Failure("  \n ", "mismatched input '<EOF>' expecting an expression", at: "2:2"),
        Failure("(1", "mismatched input '<EOF>' expecting ')'", at: "1:3"),
        Failure("1)", "mismatched input ')' expecting <EOF>", at: "1:2"),
        Failure("1 2", "mismatched input '2' expecting <EOF>", at: "1:3"),
        Failure("a +", "mismatched input '<EOF>' expecting an expression", at: "1:4"),
        Failure("a * / b", "mismatched input '/' expecting an expression", at: "1:5"),
        Failure("f(1,)", "mismatched input ')' expecting an expression", at: "1:5"),
        Failure("f(1 2)", "mismatched input '2' expecting ',' or ')'", at: "1:5"),
        Failure("[1 2]", "mismatched input '2' expecting ',' or ']'", at: "1:4"),
        Failure("[,]", "mismatched input ',' expecting an expression", at: "1:2"),
        Failure("[1,,]", "mismatched input ',' expecting an expression", at: "1:4"),
        Failure("{1}", "mismatched input '}' expecting ':'", at: "1:3"),
        Failure("{1: 2 3: 4}", "mismatched input '3' expecting ',' or '}'", at: "1:7"),
        Failure("a ? b", "mismatched input '<EOF>' expecting ':'", at: "1:6"),
        Failure("a ? b : ", "mismatched input '<EOF>' expecting an expression", at: "1:9"),
        Failure("a.", "mismatched input '<EOF>' expecting IDENTIFIER", at: "1:3"),
        Failure("a.true", "mismatched input 'true' expecting IDENTIFIER", at: "1:3"),
        Failure("a.`x`()", "mismatched input '(' expecting <EOF>", at: "1:6"),
        Failure("-!a", "mismatched input '!' expecting an expression", at: "1:2"),
        Failure("a &&\n  (b ||\n c", "mismatched input '<EOF>' expecting ')'", at: "3:3"),
        Failure("'long string literal that goes on and on and on' 1", "mismatched input '1' expecting <EOF>", at: "1:50"),
        Failure("1 'long string literal that goes on and on and on'",
                "mismatched input ''long string literal that goes on and on…' expecting <EOF>", at: "1:3"),
        // Reserved words.
        Failure("if", "reserved identifier: if", at: "1:1"),
        Failure("a.while", "reserved identifier: while", at: "1:3"),
        Failure("a.for(x)", "reserved identifier: for", at: "1:3"),
        Failure("let(1)", "reserved identifier: let", at: "1:1"),
        Failure("xs.all(var, true)", "reserved identifier: var", at: "1:8"),
        Failure(".package", "reserved identifier: package", at: "1:2"),
        Failure("in", "mismatched input 'in' expecting an expression", at: "1:1"),
        // Message construction.
        Failure("Name{a: 1}", "message construction is not supported", at: "1:5"),
        Failure("google.protobuf.Int64Value{value: 1}", "message construction is not supported", at: "1:27"),
        Failure(".Name{}", "message construction is not supported", at: "1:6"),
        // Literals out of range.
        Failure("9223372036854775808", "invalid int literal", at: "1:1"),
        Failure("-9223372036854775809", "invalid int literal", at: "1:1"),
        Failure("x + 18446744073709551616", "invalid int literal", at: "1:5"),
        Failure("18446744073709551616u", "invalid uint literal", at: "1:1"),
        Failure("1e309", "invalid double literal", at: "1:1"),
        // Macros.
        Failure("has(a)", "invalid argument to has() macro", at: "1:5"),
        Failure("has(a[0])", "invalid argument to has() macro", at: "1:6"),
        Failure("has(f(a.b))", "invalid argument to has() macro", at: "1:5"),
        Failure("has(has(a.b))", "invalid argument to has() macro", at: "1:10"),
        Failure("xs.all(1, true)", "argument is not an identifier", at: "1:8"),
        Failure("xs.map(x.y, 1)", "argument is not an identifier", at: "1:9"),
        Failure("xs.exists(.x, true)", "argument is not an identifier", at: "1:11"),
        // Lexical.
        Failure("a = b", "token recognition error at: '='", at: "1:3"),
        Failure("é", "token recognition error at: 'é'", at: "1:1"),
        Failure("'abc", "unterminated string literal", at: "1:1"),
        Failure("'\\q'", "invalid escape sequence '\\q'", at: "1:2"),
    ]

    @Test("syntax errors carry cel-go style messages and positions", arguments: failures)
    func failure(_ failure: Failure) {
        let found = ParseProbe.diagnostics(failure.source)
        #expect(found.first?.message == "Syntax error: " + failure.message)
        #expect(found.first?.position.description == failure.position)
        #expect(found.first?.code == "syntax")
    }

    @Test("every lexical error is reported, not just the first")
    func allLexicalErrors() {
        let found = ParseProbe.diagnostics("a # b $ 'c")
        #expect(found.map(\.position.column) == [3, 7, 9])
    }

    @Test("no prefix or one-character deletion of a valid expression crashes the parser")
    func mutationsNeverCrash() {
        let source = """
            !has(r.tags.`x-y`) && r.items.exists(i, i.size() > 0u || [1, 2,][0] in {'k': -1.5e3}) ? \
            b'\\xff' + r'\\d' : '''m\nl''' + .x.f(-9223372036854775808, a ? b : c)
            """
        #expect(ParseProbe.diagnostics(source).isEmpty)
        let scalars = Array(source.unicodeScalars)
        var variants: [String] = []
        for end in 0...scalars.count {
            variants.append(String(String.UnicodeScalarView(scalars[..<end])))
        }
        for removed in scalars.indices {
            var copy = scalars
            copy.remove(at: removed)
            variants.append(String(String.UnicodeScalarView(copy)))
        }
        for variant in variants {
            for diagnostic in ParseProbe.diagnostics(variant) {
                #expect(diagnostic.position.offset <= variant.unicodeScalars.count)
                #expect(diagnostic.position.line >= 1 && diagnostic.position.column >= 1)
            }
        }
    }
}
