import Foundation

/// Reads the shared config and credentials files the way botocore does: Python's
/// `configparser.RawConfigParser` with its defaults (see botocore `configloader.raw_config_parse`).
///
/// - Whole-line comments start with `#` or `;` (after indentation); there are no inline
///   comments, so `region = us-east-1 # x` keeps `# x` in the value, as in botocore.
/// - `key = value` or `key: value`, split at the first delimiter; keys are lower-cased
///   (`optionxform`), section names keep their case.
/// - A line indented deeper than its key continues the value; a key with an empty value
///   followed by indented `k = v` lines is a nested block (`s3 =`), parsed like `_parse_nested`.
/// - A duplicate section or key, a key before any section, or a line that is none of these is
///   an error naming the file and line (configparser's strict mode, which botocore uses).
enum AWSINIParser {
    static func parse(_ text: String, file: String, displayFile: String) throws(AWSCredentialError) -> AWSINIDocument {
        var state = State(displayFile: displayFile, file: file)
        // configparser splits on universal newlines.
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            try state.read(String(raw), line: index + 1)
        }
        try state.finishEntry()
        return AWSINIDocument(file: file, sections: state.sections)
    }

    /// The parser's position: the current section and the key whose value may continue.
    private struct State {
        let displayFile: String
        let file: String
        var sections: [AWSINISection] = []
        var pending: (key: String, indent: Int, line: Int, lines: [String])?

        func error(_ line: Int, _ reason: String) -> AWSCredentialError {
            AWSCredentialError(.invalidConfiguration, "\(displayFile):\(line)", reason)
        }

        mutating func read(_ raw: String, line: Int) throws(AWSCredentialError) {
            let stripped = raw.trimmingCharacters(in: .whitespaces)
            if stripped.hasPrefix("#") || stripped.hasPrefix(";") { return }
            let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
            if stripped.isEmpty {
                // A blank line may sit inside a multi-line value; configparser drops it at the end.
                if pending != nil { pending?.lines.append("") }
                return
            }
            if let current = pending, indent > current.indent {
                pending?.lines.append(stripped)
                return
            }
            try finishEntry()
            if stripped.hasPrefix("["), let close = stripped.lastIndex(of: "]"),
               stripped.index(after: stripped.startIndex) < close {
                let name = String(stripped[stripped.index(after: stripped.startIndex)..<close])
                if sections.contains(where: { $0.name == name }) {
                    throw error(line, "section [\(name)] appears twice (first at line \(sections.first { $0.name == name }?.line ?? 0))")
                }
                sections.append(AWSINISection(name: name, entries: [:], line: line))
                return
            }
            guard let delimiter = stripped.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw error(line, "expected [section] or key = value")
            }
            let key = stripped[..<delimiter].trimmingCharacters(in: .whitespaces).lowercased()
            guard !key.isEmpty else { throw error(line, "a value without a key") }
            guard let last = sections.indices.last else {
                throw error(line, "key '\(key)' before any [section]")
            }
            if let first = sections[last].entries[key] {
                throw error(line, "key '\(key)' appears twice in [\(sections[last].name)] (first at line \(first.line))")
            }
            let value = stripped[stripped.index(after: delimiter)...].trimmingCharacters(in: .whitespaces)
            pending = (key, indent, line, [value])
        }

        /// Stores the pending key with its (possibly multi-line) value.
        mutating func finishEntry() throws(AWSCredentialError) {
            guard let entry = pending, let last = sections.indices.last else { return }
            pending = nil
            var lines = entry.lines
            while lines.count > 1, lines.last == "" { lines.removeLast() }
            let value = lines.joined(separator: "\n")
            var nested: [String: String]?
            if lines.count > 1, lines[0].isEmpty {
                // botocore: a value starting with a newline is a nested block of `k = v` lines.
                var block: [String: String] = [:]
                for (offset, text) in lines.enumerated().dropFirst() where !text.isEmpty {
                    guard let equals = text.firstIndex(of: "=") else {
                        throw error(entry.line + offset, "nested setting under '\(entry.key)' is not key = value")
                    }
                    block[text[..<equals].trimmingCharacters(in: .whitespaces)] =
                        text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                }
                nested = block
            }
            sections[last].entries[entry.key] = AWSINIEntry(
                value: nested == nil ? value : "", nested: nested, file: file, line: entry.line)
        }
    }
}
