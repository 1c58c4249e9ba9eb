/// The recursive-descent engine behind `Parser`: one instance parses one token stream.
///
/// Grammar (langdef), lowest precedence first:
/// ```
/// Expr     = Or ["?" Or ":" Expr]
/// Or       = Or "||" And          And = And "&&" Rel
/// Rel      = Rel ("<"|"<="|">="|">"|"=="|"!="|"in") Add
/// Add      = Add ("+"|"-") Mul    Mul = Mul ("*"|"/"|"%") Unary
/// Unary    = Member | "!" {"!"} Member | "-" {"-"} Member
/// Member   = Primary | Member "." IDENT ["(" [Args] ")"] | Member "[" Expr "]"
/// Primary  = ["."] IDENT ["(" [Args] ")"] | "(" Expr ")" | "[" [List] "]" | "{" [Map] "}" | LITERAL
/// ```
/// The binary levels are parsed by precedence climbing, which keeps the call stack short.
/// Two guards bound the work: `nesting` counts nested `Expr`s being parsed (parentheses,
/// brackets, arguments, conditionals) and stops before recursing past the limit; and
/// every node's depth is computed as it is built (`SyntaxParser.node`), so left-leaning
/// chains made by loops (`a.b.b.b`, `1+1+1`) are caught as well.
///
/// Tokens and scalars are read through buffer pointers that live only inside `parse`, whose
/// parser never escapes: in a debug build every array subscript retains and releases.
struct SyntaxParser {
    let tokens: UnsafeBufferPointer<Token>
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    let limits: CELLimits
    var cursor = 0
    var nesting = 0
    /// The depth of every node built so far, by id (index 0 is unused).
    var depths: [Int] = [0]

    private init(tokens: UnsafeBufferPointer<Token>, scalars: UnsafeBufferPointer<Unicode.Scalar>, limits: CELLimits) {
        self.tokens = tokens
        self.scalars = scalars
        self.limits = limits
    }

    /// Parses a whole token stream (which must end with `.endOfInput`).
    /// - Returns: The root and the largest node id.
    static func parse(
        tokens: [Token], scalars: [Unicode.Scalar], limits: CELLimits
    ) throws(CELDiagnostic) -> (root: Expr, maxID: Int) {
        let result = tokens.withUnsafeBufferPointer { tokenBuffer in
            scalars.withUnsafeBufferPointer { scalarBuffer in
                var parser = SyntaxParser(tokens: tokenBuffer, scalars: scalarBuffer, limits: limits)
                return Result { () throws(CELDiagnostic) in (try parser.parseRoot(), parser.depths.count - 1) }
            }
        }
        return try result.get()
    }

    // MARK: Cursor

    // The readers below are `mutating` although they change nothing: a debug build copies
    // the whole parser (retaining its arrays) for every non-mutating call.

    /// The token at the cursor; the stream always ends with `.endOfInput`, which the cursor
    /// never moves past.
    var current: Token {
        mutating get { tokens[min(cursor, tokens.count - 1)] }
    }

    mutating func advance() {
        if cursor < tokens.count - 1 { cursor += 1 }
    }

    mutating func isAt(_ punctuation: Punctuation) -> Bool {
        tokens[min(cursor, tokens.count - 1)].punctuation == punctuation
    }

    /// Whether the cursor is at a `-` that is the sign of the int or double literal after it.
    var isAtSignedNumber: Bool {
        mutating get {
            guard isAt(.minus), cursor + 1 < tokens.count else { return false }
            return tokens[cursor + 1].kind.isSignableNumber
        }
    }

    /// Consumes `punctuation` or fails with cel-go's "mismatched input" message.
    mutating func expect(_ punctuation: Punctuation) throws(CELDiagnostic) {
        guard isAt(punctuation) else { throw mismatched(expecting: "'\(punctuation.rawValue)'") }
        advance()
    }

    // MARK: Expressions

    mutating func parseRoot() throws(CELDiagnostic) -> Expr {
        let root = try parseExpr()
        guard current.kind == .endOfInput else { throw mismatched(expecting: "<EOF>") }
        return root
    }

    /// `Expr = Or ["?" Or ":" Expr]`; the conditional is right-associative.
    mutating func parseExpr() throws(CELDiagnostic) -> Expr {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= limits.maxNestingDepth else { throw nestingLimit(at: current.position) }
        let condition = try parseBinary(minimumPrecedence: 1)
        guard isAt(.question) else { return condition }
        let question = current.position
        advance()
        let whenTrue = try parseBinary(minimumPrecedence: 1)
        try expect(.colon)
        let whenFalse = try parseExpr()
        let args = [condition, whenTrue, whenFalse]
        return try node(.call(function: Operator.conditional, target: nil, args: args), at: question)
    }

    /// Binary operators by precedence climbing; every level is left-associative.
    mutating func parseBinary(minimumPrecedence: Int) throws(CELDiagnostic) -> Expr {
        var left = try parseUnary()
        while let (function, precedence) = currentBinaryOperator(), precedence >= minimumPrecedence {
            let position = current.position
            advance()
            let right = try parseBinaryOperand(above: precedence)
            left = try node(.call(function: function, target: nil, args: [left, right]), at: position)
        }
        return left
    }

    /// The right operand of a binary operator: everything that binds tighter than it.
    private mutating func parseBinaryOperand(above precedence: Int) throws(CELDiagnostic) -> Expr {
        precedence >= Self.tightestBinaryPrecedence
            ? try parseUnary()
            : try parseBinary(minimumPrecedence: precedence + 1)
    }

    static let tightestBinaryPrecedence = 5

    /// The binary operator at the cursor (function name and precedence, 1 binding loosest).
    mutating func currentBinaryOperator() -> (function: String, precedence: Int)? {
        guard let punctuation = tokens[min(cursor, tokens.count - 1)].punctuation else {
            return current.kind == .inKeyword ? (Operator.in, 3) : nil
        }
        switch punctuation {
        case .or: return (Operator.logicalOr, 1)
        case .and: return (Operator.logicalAnd, 2)
        case .equals: return (Operator.equals, 3)
        case .notEquals: return (Operator.notEquals, 3)
        case .less: return (Operator.less, 3)
        case .lessEquals: return (Operator.lessEquals, 3)
        case .greater: return (Operator.greater, 3)
        case .greaterEquals: return (Operator.greaterEquals, 3)
        case .plus: return (Operator.add, 4)
        case .minus: return (Operator.subtract, 4)
        case .star: return (Operator.multiply, 5)
        case .slash: return (Operator.divide, 5)
        case .percent: return (Operator.modulo, 5)
        default: return nil
        }
    }

    /// `Unary = Member | "!" {"!"} Member | "-" {"-"} Member`. Runs are read in a loop (no
    /// recursion). A `-` directly before an int or double literal is not an operator but the
    /// literal's sign (see `parsePrimary`), as in cel-go: `-9223372036854775808` is an int,
    /// `--1` is `-_(-1)` and `!-1` is `!_(-1)`.
    mutating func parseUnary() throws(CELDiagnostic) -> Expr {
        let (punctuation, function): (Punctuation, String)
        switch current.kind {
        case .punctuation(.bang): (punctuation, function) = (.bang, Operator.logicalNot)
        case .punctuation(.minus) where !isAtSignedNumber: (punctuation, function) = (.minus, Operator.negate)
        default: return try parseMember()
        }
        var operators: [SourcePosition] = []
        while isAt(punctuation), !isAtSignedNumber {
            guard operators.count < limits.maxNestingDepth else { throw nestingLimit(at: current.position) }
            operators.append(current.position)
            advance()
        }
        var operand = try parseMember()
        for position in operators.reversed() {
            operand = try node(.call(function: function, target: nil, args: [operand]), at: position)
        }
        return operand
    }

    /// `Member = Primary {"." IDENT ["(" Args ")"] | "[" Expr "]"}`, built in a loop.
    mutating func parseMember() throws(CELDiagnostic) -> Expr {
        var expr = try parsePrimary()
        while true {
            switch tokens[min(cursor, tokens.count - 1)].punctuation {
            case .dot:
                expr = try parseSelection(of: expr)
            case .leftBracket:
                let bracket = current.position
                advance()
                let index = try parseExpr()
                try expect(.rightBracket)
                expr = try node(.call(function: Operator.index, target: nil, args: [expr, index]), at: bracket)
            case .leftBrace:
                throw syntaxError("message construction is not supported", at: current.position)
            default:
                return expr
            }
        }
    }

    /// `.field` (positioned at the `.`) or `.method(args)` (positioned at the method name).
    private mutating func parseSelection(of operand: Expr) throws(CELDiagnostic) -> Expr {
        let dot = current.position
        advance()
        if case .quotedIdentifier(let field) = current.kind {
            // A quoted name is a field, never a method (as in cel-go's grammar).
            advance()
            return try node(.select(operand: operand, field: field, testOnly: false), at: dot)
        }
        let (name, namePosition) = try expectIdentifier()
        guard isAt(.leftParen) else {
            return try node(.select(operand: operand, field: name, testOnly: false), at: dot)
        }
        advance()
        let args = try parseArguments()
        return try memberCallOrMacro(target: operand, function: name, at: namePosition, args: args)
    }
}

extension TokenKind {
    /// Numbers that take a folded `-` sign (not uint, as in cel-go).
    var isSignableNumber: Bool {
        switch self {
        case .int, .double: true
        default: false
        }
    }
}
