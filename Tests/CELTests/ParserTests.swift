import Testing
@testable import CEL

@Suite("Parser")
struct ParserTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        let source: String
        let printed: String
        init(_ source: String, _ printed: String) {
            self.source = source
            self.printed = printed
        }
        var testDescription: String { source }
    }

    static let precedence: [Shape] = [
        Shape("1 + 2 * 3", "(_+_ 1 (_*_ 2 3))"),
        Shape("(1 + 2) * 3", "(_*_ (_+_ 1 2) 3)"),
        Shape("a - b - c", "(_-_ (_-_ a b) c)"),
        Shape("a / b % c * d", "(_*_ (_%_ (_/_ a b) c) d)"),
        Shape("a < b == c", "(_==_ (_<_ a b) c)"),
        Shape("a in b != c >= d", "(_>=_ (_!=_ (@in a b) c) d)"),
        Shape("a + b < c * d", "(_<_ (_+_ a b) (_*_ c d))"),
        Shape("a || b && c", "(_||_ a (_&&_ b c))"),
        Shape("a && b || c && d", "(_||_ (_&&_ a b) (_&&_ c d))"),
        Shape("a || b || c", "(_||_ (_||_ a b) c)"),
        Shape("a == b && c <= d", "(_&&_ (_==_ a b) (_<=_ c d))"),
        Shape("a ? b : c", "(_?_:_ a b c)"),
        Shape("a ? b : c ? d : e", "(_?_:_ a b (_?_:_ c d e))"),
        Shape("a || b ? c && d : e + f", "(_?_:_ (_||_ a b) (_&&_ c d) (_+_ e f))"),
        Shape("a ? (b ? c : d) : e", "(_?_:_ a (_?_:_ b c d) e)"),
        Shape("!a && b", "(_&&_ (!_ a) b)"),
        Shape("!!true", "(!_ (!_ true))"),
        Shape("-a * b", "(_*_ (-_ a) b)"),
        Shape("--1", "(-_ -1)"),
        Shape("---a", "(-_ (-_ (-_ a)))"),
        Shape("-(1)", "(-_ 1)"),
        Shape("-1u", "(-_ 1u)"),
        Shape("!-1", "(!_ -1)"),
        Shape("1 - -1", "(_-_ 1 -1)"),
        Shape("1-1", "(_-_ 1 1)"),
        Shape("-a.b", "(-_ (. a b))"),
        Shape("!a.b(c)", "(!_ (-> b a c))"),
        Shape("-1.5", "-1.5"),
        Shape("-0x10", "-16"),
        Shape("a.b.c", "(. (. a b) c)"),
        Shape("a[0][1]", "(_[_] (_[_] a 0) 1)"),
        Shape("a.b[c].d(e)[f]", "(_[_] (-> d (_[_] (. a b) c) e) f)"),
        Shape("x in [1, 2]", "(@in x [1 2])"),
        Shape("f()", "(f)"),
        Shape("f(a, b + c)", "(f a (_+_ b c))"),
        Shape("a.f()", "(-> f a)"),
        Shape(".x", ".x"),
        Shape(".x.y", "(. .x y)"),
        Shape(".f(1)", "(.f 1)"),
        Shape("a.`content-type`", "(. a content-type)"),
        Shape("a.`if`", "(. a if)"),
        Shape("[]", "[]"),
        Shape("[1, 2,]", "[1 2]"),
        Shape("[[1], []]", "[[1] []]"),
        Shape("{}", "{}"),
        Shape("{'a': 1, 2: [3],}", "{\"a\": 1, 2: [3]}"),
        Shape("{a: b}.c", "(. {a: b} c)"),
        Shape("1.size()", "(-> size 1)"),
        Shape("'a' + \"b\"", "(_+_ \"a\" \"b\")"),
        Shape(" x // comment\n + y", "(_+_ x y)"),
    ]

    @Test("precedence, associativity and postfix shapes", arguments: precedence)
    func shape(_ shape: Shape) {
        #expect(ParseProbe.sexpr(shape.source) == shape.printed)
    }

    static let literals: [Shape] = [
        Shape("null", "null"), Shape("true", "true"), Shape("false", "false"),
        Shape("0", "0"), Shape("9223372036854775807", "9223372036854775807"),
        Shape("-9223372036854775808", "-9223372036854775808"),
        Shape("0x7FFFFFFFFFFFFFFF", "9223372036854775807"),
        Shape("-0x8000000000000000", "-9223372036854775808"),
        Shape("18446744073709551615u", "18446744073709551615u"), Shape("0x10U", "16u"),
        Shape("1.0", "1.0"), Shape("1.", "1.0"), Shape(".25", "0.25"), Shape("1e3", "1000.0"),
        Shape("2.5E-1", "0.25"), Shape("-0.0", "-0.0"),
        Shape("'\\x41\\101\\u0041\\U00000041'", "\"AAAA\""),
        Shape("'''multi\nline'''", "\"multi\\nline\""),
        Shape("r'\\d'", "\"\\\\d\""),
        Shape("b'\\xff\\000A'", "b\"\\xff\\x00A\""),
        Shape("b'é'", "b\"\\xc3\\xa9\""),
        Shape("'é'", "\"é\""),
    ]

    @Test("literal forms", arguments: literals)
    func literal(_ shape: Shape) {
        #expect(ParseProbe.sexpr(shape.source) == shape.printed)
    }

    @Test("literal values reach the tree exactly")
    func literalValues() throws {
        func value(_ source: String) throws -> Literal? {
            guard case .literal(let literal) = try Parser().parse(source).root.kind else { return nil }
            return literal
        }
        #expect(try value("-9223372036854775808") == .int(.min))
        #expect(try value("18446744073709551615u") == .uint(.max))
        #expect(try value("1.5e-3") == .double(0.0015))
        #expect(try value("b'\\303\\277'") == .bytes([0xC3, 0xBF]))
        #expect(try value("'\\303\\277'") == .string("Ã¿"))
        #expect(try value("\"\\U0001F431\"") == .string("🐱"))
    }

    static let macros: [Shape] = [
        Shape("has(a.b)", "(has a b)"),
        Shape("has(a.b.c)", "(has (. a b) c)"),
        Shape("has({'k': 1}.k)", "(has {\"k\": 1} k)"),
        Shape("xs.all(x, x > 0)", "(all x xs (_>_ x 0))"),
        Shape("xs.exists(x, x == 1)", "(exists x xs (_==_ x 1))"),
        Shape("xs.exists_one(x, x)", "(exists_one x xs x)"),
        Shape("xs.filter(x, x % 2 == 0)", "(filter x xs (_==_ (_%_ x 2) 0))"),
        Shape("xs.map(x, x * 2)", "(map x xs (_*_ x 2))"),
        Shape("xs.map(x, x > 1, x * 2)", "(map x xs (_>_ x 1) (_*_ x 2))"),
        Shape("[1].all(x, [2].exists(y, x < y))", "(all x [1] (exists y [2] (_<_ x y)))"),
        Shape("a.b.all(x, has(x.c))", "(all x (. a b) (has x c))"),
        // Not macros: wrong argument count, or a global call, or a member `has`.
        Shape("xs.all(1)", "(-> all xs 1)"),
        Shape("xs.exists(i, v, v > i)", "(-> exists xs i v (_>_ v i))"),
        Shape("xs.map(x)", "(-> map xs x)"),
        Shape("xs.map(a, b, c, d)", "(-> map xs a b c d)"),
        Shape("all(x, p)", "(all x p)"),
        Shape("has(a.b, c)", "(has (. a b) c)"),
        Shape("has()", "(has)"),
        Shape("a.has(b.c)", "(-> has a (. b c))"),
        Shape("xs.existsOne(x, p)", "(-> existsOne xs x p)"),
    ]

    @Test("macros expand at parse time; other shapes stay calls", arguments: macros)
    func macro(_ shape: Shape) {
        #expect(ParseProbe.sexpr(shape.source) == shape.printed)
    }

    @Test("macro expansion keeps ids dense and unique")
    func macroIDs() throws {
        for source in ["has(a.b)", "xs.map(x, x > 1, x * 2)", "[1].all(x, [2].exists(y, x < y))", "f(has(a.b), xs.all(x, x))"] {
            let parsed = try Parser().parse(source)
            #expect(ParseProbe.idsAreDense(parsed), "\(source)")
        }
    }

    @Test("ids are assigned in parse order, 1...maxID")
    func ids() throws {
        let parsed = try Parser().parse("a + b * c")
        #expect(parsed.maxID == 5)
        #expect(ParseProbe.nodes(parsed.root).map(\.id) == [5, 1, 4, 2, 3])
        #expect(parsed.source == "a + b * c")
    }

    @Test("comprehension fields")
    func comprehensionFields() throws {
        let parsed = try Parser().parse("xs.map(x, x > 1, x * 2)")
        guard case .comprehension(let comprehension) = parsed.root.kind else {
            Issue.record("not a comprehension: \(parsed.root)")
            return
        }
        #expect(comprehension.kind == .map)
        #expect(comprehension.variable == "x")
        #expect(ExprPrinter.print(comprehension.range) == "xs")
        #expect(comprehension.predicate.map { ExprPrinter.print($0) } == "(_>_ x 1)")
        #expect(comprehension.transform.map { ExprPrinter.print($0) } == "(_*_ x 2)")
        #expect(parsed.root.position.column == 4)
    }

    @Test("positions: operator, conditional, selection, call, index, list, map, literal")
    func positions() {
        #expect(ParseProbe.sexpr("a + b.c", positions: true) == "(_+_@1:3 a@1:1 (.@1:6 b@1:5 c))")
        #expect(ParseProbe.sexpr("x ? f(1) : y[2]", positions: true)
            == "(_?_:_@1:3 x@1:1 (f@1:5 1@1:7) (_[_]@1:13 y@1:12 2@1:14))")
        #expect(ParseProbe.sexpr("[1, {'k': -2}]", positions: true) == "[@1:1 1@1:2 {@1:5 \"k\"@1:6: -2@1:11}]")
        #expect(ParseProbe.sexpr("!a.m(.b)", positions: true) == "(!_@1:1 (-> m@1:4 a@1:2 .b@1:6))")
        #expect(ParseProbe.sexpr("has(a.b)", positions: true) == "(has@1:6 a@1:5 b)")
        #expect(ParseProbe.sexpr("- 1", positions: true) == "-1@1:1")
    }

    @Test("positions across lines count Unicode scalars")
    func multilinePositions() {
        let source = "resource.tags.exists(t,\n  t == 'é🐱' &&\n\t  t.size() > 3)"
        #expect(ParseProbe.sexpr(source, positions: true) == """
            (exists@1:15 t (.@1:9 resource@1:1 tags) (_&&_@2:13 (_==_@2:5 t@2:3 "é🐱"@2:8) \
            (_>_@3:13 (-> size@3:6 t@3:4) 3@3:15)))
            """)
    }

    @Test("map entries are positioned at their colon")
    func mapEntryPositions() throws {
        let parsed = try Parser().parse("{\n 'a' : 1}")
        guard case .map(let entries) = parsed.root.kind else {
            Issue.record("not a map")
            return
        }
        #expect(entries.map(\.position.description) == ["2:6"])
    }
}
