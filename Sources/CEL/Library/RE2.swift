import Foundation

/// RE2-syntax regular expressions on top of Foundation's ICU engine.
///
/// CEL's `matches` is specified with RE2 syntax. ICU accepts a superset with different
/// meanings in places, so patterns are validated and translated first: constructs RE2
/// rejects (backreferences, lookaround, atomic groups, possessive quantifiers) are rejected
/// here too, and constructs whose meaning differs (`\d \w \s` are ASCII-only in RE2, `.`
/// excludes only `\n`, `$` is end of text, `[` inside a class is a literal) are rewritten.
public enum RE2 {
    /// Compiles an RE2 pattern (cached; safe to call from any thread).
    /// - Throws: `CELEvaluationError` when RE2 would reject the pattern or ICU cannot compile it.
    public static func compile(_ pattern: String) throws(CELEvaluationError) -> NSRegularExpression {
        if let cached = cache.value(for: pattern) { return cached }
        let translated: String
        switch translate(pattern) {
        case let .success(text): translated = text
        case let .failure(error): throw error
        }
        // ICU rejects an empty pattern; RE2 reads it as matching the empty string.
        guard let expression = try? NSRegularExpression(pattern: translated.isEmpty ? "(?:)" : translated) else {
            throw CELEvaluationError("invalid regular expression '\(pattern)'")
        }
        cache.store(expression, for: pattern)
        return expression
    }

    /// Why RE2 would not accept `pattern` with the same meaning, or nil when it is fine.
    public static func validationError(_ pattern: String) -> String? {
        do {
            _ = try compile(pattern)
            return nil
        } catch {
            return error.message
        }
    }

    private static let cache = RegexCache()

    /// Rewrites an RE2 pattern into an ICU pattern with the same meaning.
    static func translate(_ pattern: String) -> Result<String, CELEvaluationError> {
        var translator = Translator(pattern: Array(pattern.unicodeScalars))
        do throws(CELEvaluationError) {
            return .success(try translator.run())
        } catch {
            return .failure(error)
        }
    }
}

extension NSRegularExpression {
    /// Whether the expression matches some part of `text` (RE2 `PartialMatch`).
    func matches(_ text: String) -> Bool {
        let range = NSRange(location: 0, length: text.utf16.count)
        return firstMatch(in: text, options: [], range: range) != nil
    }
}

/// A small lock-protected cache. Compiled expressions are immutable and thread-safe,
/// so sharing them across evaluations on several threads is fine.
private final class RegexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var expressions: [String: NSRegularExpression] = [:]

    func value(for pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        return expressions[pattern]
    }

    func store(_ expression: NSRegularExpression, for pattern: String) {
        lock.lock()
        defer { lock.unlock() }
        // Bounded: patterns built at run time from data must not grow memory without limit.
        if expressions.count > 1000 { expressions.removeAll() }
        expressions[pattern] = expression
    }
}

private struct Translator {
    let pattern: [Unicode.Scalar]
    var index = 0
    var output = ""
    var inClass = false
    /// Flags seen anywhere; `m` and `s` change how `$` and `.` must be rewritten.
    let multiline: Bool
    let dotAll: Bool

    init(pattern: [Unicode.Scalar]) {
        self.pattern = pattern
        let flagGroups = Translator.flagGroups(pattern)
        multiline = flagGroups.contains("m")
        dotAll = flagGroups.contains("s")
    }

    private static func flagGroups(_ pattern: [Unicode.Scalar]) -> Set<Character> {
        var flags = Set<Character>()
        var index = 0
        while index + 2 < pattern.count {
            if pattern[index] == "(", pattern[index + 1] == "?" {
                var cursor = index + 2
                while cursor < pattern.count, ("a"..."z").contains(pattern[cursor]) || pattern[cursor] == "-" {
                    flags.insert(Character(pattern[cursor]))
                    cursor += 1
                }
            }
            index += 1
        }
        return flags
    }

    func reject(_ what: String) -> CELEvaluationError {
        CELEvaluationError("invalid regular expression: \(what) is not supported by RE2")
    }

    mutating func run() throws(CELEvaluationError) -> String {
        while index < pattern.count {
            let scalar = pattern[index]
            index += 1
            if scalar == "\\" {
                try escape()
            } else if inClass {
                classCharacter(scalar)
            } else {
                try plain(scalar)
            }
        }
        return output
    }

    private mutating func plain(_ scalar: Unicode.Scalar) throws(CELEvaluationError) {
        switch scalar {
        case "[":
            inClass = true
            output.append("[")
            if peek == "^" { output.append("^"); index += 1 }
            // A leading `]` is a literal in RE2.
            if peek == "]" { output.append("\\]"); index += 1 }
        case "(": try group()
        case "*", "+", "?", "}":
            output.unicodeScalars.append(scalar)
            if peek == "+" { throw reject("a possessive quantifier") }
            if scalar != "?", peek == "*" || (scalar != "}" && peek == "+") { throw reject("a repeated quantifier") }
        case ".": output.append(dotAll ? "." : "[^\\n]")
        case "$": output.append(multiline ? "$" : "\\z")
        default: output.unicodeScalars.append(scalar)
        }
    }

    private var peek: Unicode.Scalar? { index < pattern.count ? pattern[index] : nil }

    private func lookingAt(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard index + scalars.count <= pattern.count else { return false }
        return Array(pattern[index..<(index + scalars.count)]) == scalars
    }

    private mutating func group() throws(CELEvaluationError) {
        if lookingAt("?=") || lookingAt("?!") { throw reject("lookahead") }
        if lookingAt("?<=") || lookingAt("?<!") { throw reject("lookbehind") }
        if lookingAt("?>") { throw reject("an atomic group") }
        if lookingAt("?#") { throw reject("a comment group") }
        if lookingAt("?P=") || lookingAt("?P>") { throw reject("a named backreference") }
        if lookingAt("?P<") {
            output.append("(?<")
            index += 3
            return
        }
        if lookingAt("?") {
            // Flag groups: RE2 knows i, m, s, U; ICU lacks U and has extras RE2 lacks.
            var cursor = index + 1
            while cursor < pattern.count, pattern[cursor] != ")", pattern[cursor] != ":" {
                if !"ims-".unicodeScalars.contains(pattern[cursor]), pattern[cursor] != "<" {
                    throw reject("the flag '\(pattern[cursor])'")
                }
                if pattern[cursor] == "<" { break }
                cursor += 1
            }
        }
        output.append("(")
    }

    private mutating func classCharacter(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "]": inClass = false; output.append("]")
        case "[":
            // `[:alpha:]` is a POSIX class in both; any other `[` is a literal in RE2.
            if peek == ":" { output.append("[") } else { output.append("\\[") }
        case "&", "{", "}":
            // ICU gives `&&` and `{…}` meaning inside a set; RE2 does not.
            output.append("\\"); output.unicodeScalars.append(scalar)
        default: output.unicodeScalars.append(scalar)
        }
    }

    private mutating func escape() throws(CELEvaluationError) {
        guard let next = peek else { throw CELEvaluationError("invalid regular expression: trailing backslash") }
        index += 1
        switch next {
        case "1"..."9": throw reject("a backreference")
        case "k", "g": throw reject("a backreference")
        case "G", "Z", "X", "R", "N", "h", "H", "v", "V", "K", "c", "e", "o", "u", "U", "0":
            throw reject("the escape \\\(next)")
        case "d": output.append(inClass ? "0-9" : "[0-9]")
        case "D": output.append(inClass ? "\\D" : "[^0-9]")
        case "w": output.append(inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]")
        case "W": output.append(inClass ? "\\W" : "[^0-9A-Za-z_]")
        case "s": output.append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]")
        case "S": output.append(inClass ? "\\S" : "[^\\t\\n\\f\\r ]")
        case "Q": copyQuoted()
        case "p", "P":
            // RE2 allows a one-letter class without braces (`\pL`); ICU needs `\p{L}`.
            output.append("\\"); output.unicodeScalars.append(next)
            if let letter = peek, letter != "{" {
                output.append("{"); output.unicodeScalars.append(letter); output.append("}")
                index += 1
            }
        default:
            output.append("\\")
            output.unicodeScalars.append(next)
        }
    }

    /// `\Q…\E`: a literal run, copied quoted so class and quantifier rules do not apply.
    private mutating func copyQuoted() {
        while index < pattern.count {
            if pattern[index] == "\\", index + 1 < pattern.count, pattern[index + 1] == "E" {
                index += 2
                return
            }
            let scalar = pattern[index]
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == " " {
                output.unicodeScalars.append(scalar)
            } else {
                output.append("\\"); output.unicodeScalars.append(scalar)
            }
            index += 1
        }
    }
}

/// A compiled expression held by a plan node. NSRegularExpression is immutable after
/// creation and documented thread-safe for matching.
struct NSRegularExpressionBox: @unchecked Sendable {
    let expression: NSRegularExpression

    func matches(_ text: String) -> Bool { expression.matches(text) }
}
