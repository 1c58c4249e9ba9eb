/// One lexical element of a CEL expression.
///
/// A token keeps its start position and the scalar offset just past its end, so that error
/// messages can quote the source text without every token carrying a copy of it.
struct Token: Sendable, Equatable {
    let kind: TokenKind
    let position: SourcePosition
    /// Offset (in Unicode scalars) just past the last scalar of the token.
    let end: Int
    /// `kind`'s punctuation, kept apart so the parser can test for an operator without
    /// copying (and retaining) the kind's payload; that test runs several times per token.
    let punctuation: Punctuation?

    init(kind: TokenKind, position: SourcePosition, end: Int) {
        self.kind = kind
        self.position = position
        self.end = end
        if case .punctuation(let punctuation) = kind {
            self.punctuation = punctuation
        } else {
            self.punctuation = nil
        }
    }
}

/// What a token is, with literal values already decoded.
enum TokenKind: Sendable, Equatable {
    case identifier(String)
    /// A backquoted field name, e.g. `` a.`content-type` `` (cel-go's ESC_IDENTIFIER).
    case quotedIdentifier(String)
    /// The magnitude of a decimal or hex int literal; nil when it does not fit in 64 bits.
    /// The sign is not part of the token: the parser folds a leading `-` into the literal so
    /// that `-9223372036854775808` is representable.
    case int(UInt64?)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case trueKeyword, falseKeyword, nullKeyword, inKeyword
    case punctuation(Punctuation)
    case endOfInput
}

/// Operators and delimiters.
enum Punctuation: String, Sendable, CaseIterable {
    case leftParen = "(", rightParen = ")"
    case leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}"
    case dot = ".", comma = ",", colon = ":", question = "?"
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case bang = "!"
    case equals = "==", notEquals = "!="
    case less = "<", lessEquals = "<=", greater = ">", greaterEquals = ">="
    case and = "&&", or = "||"
}

/// Words of the language: the keywords that are tokens of their own, and the words
/// langdef reserves for host languages (rejected as identifiers and field names).
enum Keywords {
    static let keywords: [String: TokenKind] = [
        "true": .trueKeyword, "false": .falseKeyword, "null": .nullKeyword, "in": .inKeyword,
    ]

    static let reserved: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import",
        "let", "loop", "package", "namespace", "return", "var", "void", "while",
    ]
}
