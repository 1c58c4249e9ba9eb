import Testing
@testable import CEL

@Suite("Lexer")
struct LexerTests {
    /// The token kinds of `source`, without the final end-of-input; fails on a lexical error.
    static func kinds(_ source: String) -> [TokenKind] {
        let (tokens, diagnostics) = Lexer.tokenize(source)
        #expect(diagnostics.isEmpty, "\(source): \(diagnostics)")
        return tokens.dropLast().map(\.kind)
    }

    static func only(_ source: String) -> TokenKind? {
        let all = kinds(source)
        return all.count == 1 ? all[0] : nil
    }

    static func errors(_ source: String) -> [CELDiagnostic] {
        Lexer.tokenize(source).diagnostics
    }

    @Test("operators and delimiters, longest match first")
    func punctuation() {
        let expected: [Punctuation] = [
            .leftParen, .rightParen, .leftBracket, .rightBracket, .leftBrace, .rightBrace,
            .dot, .comma, .colon, .question, .plus, .minus, .star, .slash, .percent, .bang,
            .equals, .notEquals, .less, .lessEquals, .greater, .greaterEquals, .and, .or,
        ]
        #expect(Self.kinds("()[]{}.,:?+-*/%! == != < <= > >= && ||") == expected.map { .punctuation($0) })
        #expect(Self.kinds("a<=b") == [.identifier("a"), .punctuation(.lessEquals), .identifier("b")])
        #expect(Self.kinds("!!x") == [.punctuation(.bang), .punctuation(.bang), .identifier("x")])
    }

    @Test("identifiers, keywords, and reserved words (identifiers to the lexer)")
    func words() {
        #expect(Self.kinds("_a1 B_2 true false null in") == [
            .identifier("_a1"), .identifier("B_2"), .trueKeyword, .falseKeyword, .nullKeyword, .inKeyword,
        ])
        #expect(Self.kinds("if while") == [.identifier("if"), .identifier("while")])
        #expect(Self.kinds("inx r b rb") == [.identifier("inx"), .identifier("r"), .identifier("b"), .identifier("rb")])
    }

    @Test("backquoted field names")
    func quotedIdentifiers() {
        #expect(Self.kinds("a.`content-type`") == [.identifier("a"), .punctuation(.dot), .quotedIdentifier("content-type")])
        #expect(Self.only("`/api/v1 x.y_z`") == .quotedIdentifier("/api/v1 x.y_z"))
        #expect(Self.errors("``").count == 1)
        #expect(Self.errors("`a").count == 1)
    }

    struct NumberCase: Sendable, CustomTestStringConvertible {
        let source: String
        let kind: TokenKind
        var testDescription: String { source }
    }

    static let numbers: [NumberCase] = [
        NumberCase(source: "0", kind: .int(0)),
        NumberCase(source: "42", kind: .int(42)),
        NumberCase(source: "0x1F", kind: .int(31)),
        NumberCase(source: "0XfF", kind: .int(255)),
        NumberCase(source: "9223372036854775808", kind: .int(9_223_372_036_854_775_808)),
        NumberCase(source: "18446744073709551616", kind: .int(nil)),
        NumberCase(source: "42u", kind: .uint(42)),
        NumberCase(source: "42U", kind: .uint(42)),
        NumberCase(source: "0x1Fu", kind: .uint(31)),
        NumberCase(source: "18446744073709551615u", kind: .uint(.max)),
        NumberCase(source: "1.5", kind: .double(1.5)),
        NumberCase(source: "1e3", kind: .double(1000)),
        NumberCase(source: "1E+3", kind: .double(1000)),
        NumberCase(source: "1.5e-3", kind: .double(0.0015)),
        NumberCase(source: ".5", kind: .double(0.5)),
        NumberCase(source: ".5e1", kind: .double(5)),
        NumberCase(source: "1.", kind: .double(1)),
        NumberCase(source: "0.0", kind: .double(0)),
        NumberCase(source: "1e-400", kind: .double(0)),
    ]

    @Test("numeric literals", arguments: numbers)
    func number(testCase: NumberCase) {
        #expect(Self.only(testCase.source) == testCase.kind)
    }

    @Test("a dot after digits that starts a member stays a dot")
    func numberThenMember() {
        #expect(Self.kinds("1.size()") == [.int(1), .punctuation(.dot), .identifier("size"), .punctuation(.leftParen), .punctuation(.rightParen)])
        #expect(Self.kinds("1..5") == [.int(1), .punctuation(.dot), .double(0.5)])
        #expect(Self.kinds("1e") == [.int(1), .identifier("e")])
        #expect(Self.kinds("0x") == [.int(0), .identifier("x")])
        #expect(Self.kinds("1.5u") == [.double(1.5), .identifier("u")])
    }

    @Test("out-of-range uint and double literals are errors")
    func numberRange() {
        #expect(Self.errors("18446744073709551616u").map(\.message) == ["Syntax error: invalid uint literal"])
        #expect(Self.errors("1e400").map(\.message) == ["Syntax error: invalid double literal"])
    }

    struct StringCase: Sendable, CustomTestStringConvertible {
        let source: String
        let kind: TokenKind
        var testDescription: String { source }
    }

    static let strings: [StringCase] = [
        StringCase(source: "'a\"b'", kind: .string("a\"b")),
        StringCase(source: "\"a'b\"", kind: .string("a'b")),
        StringCase(source: "''", kind: .string("")),
        StringCase(source: "'''x''x'''", kind: .string("x''x")),
        StringCase(source: "\"\"\"a\nb\"\"\"", kind: .string("a\nb")),
        StringCase(source: "r'\\n\\'", kind: .string("\\n\\")),
        StringCase(source: "R\"\\d+\"", kind: .string("\\d+")),
        StringCase(source: "r'''\\'''", kind: .string("\\")),
        StringCase(source: "'\\a\\b\\f\\n\\r\\t\\v\\\\\\?\\\"\\'\\`'", kind: .string("\u{07}\u{08}\u{0C}\n\r\t\u{0B}\\?\"'`")),
        StringCase(source: "'\\x41\\X42\\103'", kind: .string("ABC")),
        StringCase(source: "'\\377\\xFF'", kind: .string("ÿÿ")),
        StringCase(source: "'\\u00e9\\U0001F431'", kind: .string("é🐱")),
        StringCase(source: "'é🐱'", kind: .string("é🐱")),
        StringCase(source: "'\\000'", kind: .string("\u{0}")),
        StringCase(source: "b'abc'", kind: .bytes([97, 98, 99])),
        StringCase(source: "B\"ÿ\"", kind: .bytes([0xC3, 0xBF])),
        StringCase(source: "b'\\303\\277'", kind: .bytes([0xC3, 0xBF])),
        StringCase(source: "b'\\377\\xff'", kind: .bytes([0xFF, 0xFF])),
        StringCase(source: "b'\\u00ff'", kind: .bytes([0xC3, 0xBF])),
        StringCase(source: "b'''a\nb'''", kind: .bytes([97, 10, 98])),
        StringCase(source: "rb'\\x'", kind: .bytes([92, 120])),
        StringCase(source: "BR'\\x'", kind: .bytes([92, 120])),
        StringCase(source: "bR\"\"\"\\\"\"\"", kind: .bytes([92])),
    ]

    @Test("string and bytes literals", arguments: strings)
    func string(testCase: StringCase) {
        #expect(Self.only(testCase.source) == testCase.kind)
    }

    @Test("bad escapes and unterminated strings are errors at their place")
    func stringErrors() {
        let cases: [(String, String, Int)] = [
            ("'a\\qb'", "Syntax error: invalid escape sequence '\\q'", 3),
            ("'\\u12'", "Syntax error: invalid escape sequence: expected 4 hex digits", 2),
            ("'\\xZ1'", "Syntax error: invalid escape sequence: expected 2 hex digits", 2),
            ("'\\400'", "Syntax error: invalid escape sequence '\\4'", 2),
            ("'\\18'", "Syntax error: invalid escape sequence: expected 3 octal digits", 2),
            ("'\\uD800'", "Syntax error: invalid unicode code point in escape sequence", 2),
            ("'\\U00110000'", "Syntax error: invalid unicode code point in escape sequence", 2),
            ("x + 'abc", "Syntax error: unterminated string literal", 5),
            ("'ab\ncd'", "Syntax error: unterminated string literal", 1),
            ("'''abc''", "Syntax error: unterminated string literal", 1),
            ("'abc\\", "Syntax error: unterminated string literal", 1),
        ]
        for (source, message, column) in cases {
            let found = Self.errors(source)
            #expect(found.first?.message == message, "\(source)")
            #expect(found.first?.position.column == column, "\(source)")
            #expect(found.first?.code == "syntax")
        }
    }

    @Test("unknown characters are token recognition errors, and lexing goes on")
    func recognitionErrors() {
        let found = Self.errors("a # b = c & d é")
        #expect(found.map(\.message) == [
            "Syntax error: token recognition error at: '#'",
            "Syntax error: token recognition error at: '='",
            "Syntax error: token recognition error at: '&'",
            "Syntax error: token recognition error at: 'é'",
        ])
        #expect(found.map(\.position.column) == [3, 7, 11, 15])
    }

    @Test("comments and whitespace are skipped")
    func trivia() {
        #expect(Self.kinds("a // comment ( [\n\t+\u{0C} b // trailing") == [.identifier("a"), .punctuation(.plus), .identifier("b")])
        #expect(Self.kinds("a / b") == [.identifier("a"), .punctuation(.slash), .identifier("b")])
        #expect(Self.kinds("") == [])
    }

    @Test("positions count Unicode scalars; \\n, \\r\\n and \\r each end a line")
    func positions() {
        let (tokens, _) = Lexer.tokenize("'é🐱' + x\r\n  y\rz\n\n  w")
        let places = tokens.map { "\($0.position.line):\($0.position.column)@\($0.position.offset)" }
        #expect(places == ["1:1@0", "1:6@5", "1:8@7", "2:3@12", "3:1@14", "5:3@19", "5:4@20"])
        #expect(tokens.last?.kind == .endOfInput)
    }

    @Test("a triple-quoted string spanning lines moves the following positions")
    func multilineStringPositions() {
        let (tokens, _) = Lexer.tokenize("'''a\nbc''' + d")
        #expect(tokens.map(\.position.description) == ["1:1", "2:7", "2:9", "2:10"])
    }
}
