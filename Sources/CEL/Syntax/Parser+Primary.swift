/// Primary expressions: literals, identifiers, global calls, parentheses, lists and maps.
extension SyntaxParser {
    mutating func parsePrimary() throws(CELDiagnostic) -> Expr {
        var sign: SourcePosition?
        if isAtSignedNumber {
            sign = current.position
            advance()
        }
        let token = current
        switch token.kind {
        case .int, .uint, .double, .string, .bytes, .trueKeyword, .falseKeyword, .nullKeyword:
            advance()
            let start = sign ?? token.position
            return try node(.literal(literal(of: token.kind, negative: sign != nil, at: start)), at: start)
        case .identifier:
            return try parseIdentifierOrGlobalCall(leadingDot: nil)
        case .punctuation(.dot):
            let dot = token.position
            advance()
            return try parseIdentifierOrGlobalCall(leadingDot: dot)
        case .punctuation(.leftParen):
            advance()
            let inner = try parseExpr()
            try expect(.rightParen)
            return inner
        case .punctuation(.leftBracket):
            return try parseList()
        case .punctuation(.leftBrace):
            return try parseMap()
        default:
            throw mismatched(expecting: "an expression")
        }
    }

    private func literal(of kind: TokenKind, negative: Bool, at start: SourcePosition) throws(CELDiagnostic) -> Literal {
        switch kind {
        case .int(let magnitude):
            return try intLiteral(magnitude, negative: negative, at: start)
        case .uint(let value): return .uint(value)
        case .double(let value): return .double(negative ? -value : value)
        case .string(let value): return .string(value)
        case .bytes(let value): return .bytes(value)
        case .trueKeyword: return .bool(true)
        case .falseKeyword: return .bool(false)
        default: return .null
        }
    }

    /// An int literal must fit in int64 once its sign is applied: `9223372036854775808` is
    /// out of range, `-9223372036854775808` is not.
    private func intLiteral(_ magnitude: UInt64?, negative: Bool, at position: SourcePosition) throws(CELDiagnostic) -> Literal {
        let limit = UInt64(Int64.max) + (negative ? 1 : 0)
        guard let magnitude, magnitude <= limit else {
            throw syntaxError("invalid int literal", at: position)
        }
        if !negative { return .int(Int64(magnitude)) }
        return .int(magnitude == limit ? Int64.min : -Int64(magnitude))
    }

    /// `IDENT`, `IDENT(args)`, `.IDENT` or `.IDENT(args)`; a leading dot stays part of the
    /// name (`.x`), as cel-go keeps it, and the node is positioned at the dot.
    private mutating func parseIdentifierOrGlobalCall(leadingDot: SourcePosition?) throws(CELDiagnostic) -> Expr {
        let (bare, namePosition) = try expectIdentifier()
        let name = leadingDot == nil ? bare : "." + bare
        let position = leadingDot ?? namePosition
        guard isAt(.leftParen) else {
            return try node(.ident(name), at: position)
        }
        advance()
        let args = try parseArguments()
        return try globalCallOrMacro(function: name, at: position, args: args)
    }

    /// An identifier that is not a reserved word; used for names, fields and methods.
    mutating func expectIdentifier() throws(CELDiagnostic) -> (name: String, position: SourcePosition) {
        guard case .identifier(let name) = current.kind else { throw mismatched(expecting: "IDENTIFIER") }
        guard !Keywords.reserved.contains(name) else {
            throw syntaxError("reserved identifier: \(name)", at: current.position)
        }
        let position = current.position
        advance()
        return (name, position)
    }

    /// Call arguments after `(`, through the closing `)`. No trailing comma (as cel-go).
    mutating func parseArguments() throws(CELDiagnostic) -> [Expr] {
        var args: [Expr] = []
        if isAt(.rightParen) {
            advance()
            return args
        }
        while true {
            args.append(try parseExpr())
            if isAt(.rightParen) {
                advance()
                return args
            }
            guard isAt(.comma) else { throw mismatched(expecting: "',' or ')'") }
            advance()
        }
    }

    /// `[a, b, ...]`, trailing comma allowed; positioned at `[`.
    private mutating func parseList() throws(CELDiagnostic) -> Expr {
        let bracket = current.position
        advance()
        var elements: [Expr] = []
        while !isAt(.rightBracket) {
            elements.append(try parseExpr())
            if isAt(.comma) {
                advance()
            } else if !isAt(.rightBracket) {
                throw mismatched(expecting: "',' or ']'")
            }
        }
        advance()
        return try node(.list(elements), at: bracket)
    }

    /// `{k: v, ...}`, trailing comma allowed; positioned at `{`, each entry at its `:`.
    private mutating func parseMap() throws(CELDiagnostic) -> Expr {
        let brace = current.position
        advance()
        var entries: [MapEntry] = []
        while !isAt(.rightBrace) {
            let key = try parseExpr()
            let colon = current.position
            try expect(.colon)
            let value = try parseExpr()
            entries.append(MapEntry(key: key, value: value, position: colon))
            if isAt(.comma) {
                advance()
            } else if !isAt(.rightBrace) {
                throw mismatched(expecting: "',' or '}'")
            }
        }
        advance()
        return try node(.map(entries), at: brace)
    }
}
