import Testing
@testable import CEL

@Suite("CEL standard library declarations and RE2")
struct RuntimeLibraryTests {
    @Test("every overload declares as many parameters as its call form needs; special forms are absent")
    func declarations() {
        let library = FunctionLibrary.standard
        for name in [Operator.add, Operator.subtract, Operator.multiply, Operator.divide, Operator.modulo,
                     Operator.equals, Operator.notEquals, Operator.less, Operator.lessEquals, Operator.greater,
                     Operator.greaterEquals, Operator.logicalNot, Operator.negate, Operator.index, Operator.in,
                     "size", "matches", "int", "string", "timestamp", "duration", "getFullYear"] {
            #expect(library[name] != nil, "\(name) is declared")
        }
        for name in [Operator.logicalAnd, Operator.logicalOr, Operator.conditional] {
            #expect(library[name] == nil, "\(name) is a special form")
        }
        let ids = library.functions.values.flatMap { $0.overloads.map(\.id) }
        #expect(Set(ids).count == ids.count, "overload ids are unique")
        #expect(library["contains"]?.overloads.allSatisfy { $0.isMember && $0.parameters == [.string, .string] } == true)
    }

    @Test("RE2 rejects what RE2 does not support, with a clear message")
    func unsupportedRegex() {
        for pattern in ["(a)\\1", "a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b", "(?>a)", "a++", "a*+"] {
            #expect(RE2.validationError(pattern) != nil, "\(pattern)")
        }
        #expect(RE2.validationError("(a)\\1")?.contains("backreference") == true)
        for pattern in ["^[a-z]+$", "(?i)abc", "(?P<name>x)", "[[:alpha:]]", "\\pL", ""] {
            #expect(RE2.validationError(pattern) == nil, "\(pattern)")
        }
    }

    @Test("matches validates literal patterns at check time")
    func literalValidation() {
        let validate = FunctionLibrary.standard["matches"]?.validateLiterals
        #expect(validate?([.string("abc"), .string("(a)\\1")])?.argument == 1)
        #expect(validate?([nil, .string("a+")]) == nil)
    }

    @Test("a bad literal pattern is an evaluation error, not a crash")
    func badPatternAtRuntime() throws {
        #expect(try RuntimeProbe.error("'aa'.matches('(a)\\\\1')")?.message.contains("backreference") == true)
    }
}
