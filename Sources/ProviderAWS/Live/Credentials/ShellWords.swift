/// Splits a command line into words as Python's `shlex.split` does in POSIX mode, which is
/// what botocore uses for `credential_process` (`compat_shell_split`) and for
/// `[profile "name"]` headers. No shell runs: no globbing, variables or pipes.
enum ShellWords {
    enum SplitError: Error, Equatable {
        case unclosedQuote(Character)
        case trailingBackslash
    }

    static func split(_ text: String) throws(SplitError) -> [String] {
        var words: [String] = []
        var word = ""
        // A word exists once anything (even an empty pair of quotes) was read.
        var inWord = false
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            switch character {
            case " ", "\t", "\n", "\r":
                if inWord { words.append(word); word = ""; inWord = false }
            case "'":
                inWord = true
                while true {
                    guard let next = iterator.next() else { throw .unclosedQuote("'") }
                    if next == "'" { break }
                    word.append(next)
                }
            case "\"":
                inWord = true
                while true {
                    guard let next = iterator.next() else { throw .unclosedQuote("\"") }
                    if next == "\"" { break }
                    if next == "\\" {
                        // Inside double quotes a backslash escapes only `"` and `\`.
                        guard let escaped = iterator.next() else { throw .unclosedQuote("\"") }
                        if escaped != "\"" && escaped != "\\" { word.append("\\") }
                        word.append(escaped)
                    } else {
                        word.append(next)
                    }
                }
            case "\\":
                guard let escaped = iterator.next() else { throw .trailingBackslash }
                inWord = true
                word.append(escaped)
            default:
                inWord = true
                word.append(character)
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
