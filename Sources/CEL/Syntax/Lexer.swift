/// Turns CEL source text into tokens (langdef's lexis), collecting every lexical error.
///
/// The lexer works on Unicode scalars so that offsets, lines and columns in diagnostics
/// count scalars, as `SourcePosition` promises. It never stops at the first error: it skips
/// the offending text and carries on, so one pass reports every bad token.
///
/// The scalars are read through a buffer pointer that lives only inside `tokenize`, whose
/// lexer never escapes: subscripting an array in a debug build retains and releases it on
/// every read, and reading scalars is most of the lexer's work.
struct Lexer {
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    var index = 0
    private var line = 1
    private var lineStart = 0
    private(set) var tokens: [Token] = []
    var diagnostics: [CELDiagnostic] = []

    private init(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        self.scalars = scalars
        tokens.reserveCapacity(scalars.count / 3 + 1)
    }

    /// Tokenizes `scalars`; the last token is always `.endOfInput`.
    static func tokenize(_ scalars: [Unicode.Scalar]) -> (tokens: [Token], diagnostics: [CELDiagnostic]) {
        scalars.withUnsafeBufferPointer { buffer in
            var lexer = Lexer(buffer)
            lexer.run()
            return (lexer.tokens, lexer.diagnostics)
        }
    }

    /// Tokenizes a string; a convenience for tests.
    static func tokenize(_ source: String) -> (tokens: [Token], diagnostics: [CELDiagnostic]) {
        tokenize(Array(source.unicodeScalars))
    }

    private mutating func run() {
        while true {
            skipWhitespaceAndComments()
            guard let scalar = peek() else {
                tokens.append(Token(kind: .endOfInput, position: position, end: index))
                return
            }
            scanToken(startingWith: scalar)
        }
    }

    // MARK: Cursor

    // The cursor readers are `mutating` although they change nothing: a debug build copies
    // the whole lexer (retaining its arrays) for every non-mutating call, which made lexing
    // several times slower.

    var position: SourcePosition {
        mutating get { SourcePosition(offset: index, line: line, column: index - lineStart + 1) }
    }

    mutating func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let at = index + ahead
        return at < scalars.count ? scalars[at] : nil
    }

    /// Moves past one scalar, keeping line and column right. `\r\n`, `\r` and `\n` are each
    /// one line break (langdef's NEWLINE); for `\r\n` the break is counted at the `\n`.
    mutating func advance() {
        guard index < scalars.count else { return }
        let scalar = scalars[index]
        index += 1
        guard scalar == "\n" || scalar == "\r" else { return }
        if scalar == "\n" || index >= scalars.count || scalars[index] != "\n" {
            line += 1
            lineStart = index
        }
    }

    mutating func advance(by count: Int) {
        for _ in 0..<count { advance() }
    }

    mutating func emit(_ kind: TokenKind, at start: SourcePosition) {
        tokens.append(Token(kind: kind, position: start, end: index))
    }

    mutating func report(_ message: String, at position: SourcePosition) {
        diagnostics.append(CELDiagnostic(code: "syntax", message: "Syntax error: " + message, position: position))
    }

    // MARK: Tokens

    private mutating func skipWhitespaceAndComments() {
        while let scalar = peek() {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0C}":
                advance()
            case "/" where peek(1) == "/":
                while let next = peek(), next != "\n", next != "\r" { advance() }
            default:
                return
            }
        }
    }

    private mutating func scanToken(startingWith scalar: Unicode.Scalar) {
        let start = position
        if scalar == "'" || scalar == "\"" {
            scanString(prefix: .none, start: start)
        } else if Self.isIdentifierStart(scalar) {
            scanIdentifierOrPrefixedString(start: start)
        } else if Self.isDigit(scalar) || (scalar == "." && peek(1).map(Self.isDigit) == true) {
            scanNumber(start: start)
        } else if scalar == "`" {
            scanQuotedIdentifier(start: start)
        } else if let punctuation = matchPunctuation() {
            advance(by: punctuation.rawValue.unicodeScalars.count)
            emit(.punctuation(punctuation), at: start)
        } else {
            advance()
            report("token recognition error at: '\(Character(scalar))'", at: start)
        }
    }

    /// The longest operator or delimiter at the cursor, if any. A switch on scalars, not
    /// `Punctuation(rawValue:)`, because this runs for most tokens.
    private mutating func matchPunctuation() -> Punctuation? {
        guard let first = peek() else { return nil }
        let second = peek(1)
        switch first {
        case "(": return .leftParen
        case ")": return .rightParen
        case "[": return .leftBracket
        case "]": return .rightBracket
        case "{": return .leftBrace
        case "}": return .rightBrace
        case ".": return .dot
        case ",": return .comma
        case ":": return .colon
        case "?": return .question
        case "+": return .plus
        case "-": return .minus
        case "*": return .star
        case "/": return .slash
        case "%": return .percent
        case "!": return second == "=" ? .notEquals : .bang
        case "=": return second == "=" ? .equals : nil
        case "<": return second == "=" ? .lessEquals : .less
        case ">": return second == "=" ? .greaterEquals : .greater
        case "&": return second == "&" ? .and : nil
        case "|": return second == "|" ? .or : nil
        default: return nil
        }
    }

    private mutating func scanIdentifierOrPrefixedString(start: SourcePosition) {
        if let prefix = stringPrefix() {
            advance(by: prefix.length)
            scanString(prefix: prefix, start: start)
            return
        }
        // Identifiers hold no line breaks, so the cursor can jump to their end.
        var name = String.UnicodeScalarView()
        while index < scalars.count, Self.isIdentifierStart(scalars[index]) || Self.isDigit(scalars[index]) {
            name.append(scalars[index])
            index += 1
        }
        let text = String(name)
        emit(Keywords.keywords[text] ?? .identifier(text), at: start)
    }

    /// `` `name` ``: letters, digits and `_ . - /` or space, for field names that are not
    /// identifiers (as cel-go allows in selections).
    private mutating func scanQuotedIdentifier(start: SourcePosition) {
        advance()
        var name = String.UnicodeScalarView()
        while let scalar = peek(), Self.isIdentifierStart(scalar) || Self.isDigit(scalar) || "./- ".unicodeScalars.contains(scalar) {
            name.append(scalar)
            advance()
        }
        let closed = peek() == "`"
        if closed { advance() }
        guard closed, !name.isEmpty else {
            report("token recognition error at: '`\(String(name))\(closed ? "`" : "")'", at: start)
            return
        }
        emit(.quotedIdentifier(String(name)), at: start)
    }

    /// Recognizes `r`, `b`, `rb` and `br` (any case) directly followed by a quote.
    private mutating func stringPrefix() -> StringPrefix? {
        func isQuote(_ scalar: Unicode.Scalar?) -> Bool { scalar == "'" || scalar == "\"" }
        func isR(_ scalar: Unicode.Scalar?) -> Bool { scalar == "r" || scalar == "R" }
        func isB(_ scalar: Unicode.Scalar?) -> Bool { scalar == "b" || scalar == "B" }
        let first = peek(), second = peek(1)
        guard isR(first) || isB(first) else { return nil }
        if isQuote(second) { return isR(first) ? .raw : .bytes }
        guard isQuote(peek(2)) else { return nil }
        if (isR(first) && isB(second)) || (isB(first) && isR(second)) { return .rawBytes }
        return nil
    }

    // MARK: Character classes (ASCII only, as langdef's IDENT)

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_"
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 48
        case "a"..."f": return scalar.value - 97 + 10
        case "A"..."F": return scalar.value - 65 + 10
        default: return nil
        }
    }
}

/// The letters before a string literal's opening quote.
enum StringPrefix {
    case none, raw, bytes, rawBytes

    var length: Int {
        switch self {
        case .none: 0
        case .raw, .bytes: 1
        case .rawBytes: 2
        }
    }

    var isRaw: Bool { self == .raw || self == .rawBytes }
    var isBytes: Bool { self == .bytes || self == .rawBytes }
}
