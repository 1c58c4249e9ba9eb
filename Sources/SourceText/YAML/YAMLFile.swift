import Foundation
import Yams

/// One YAML file read for loading: its text, its lines (for caret displays) and its documents.
///
/// Reading never throws past this type: unreadable files, bytes that are not UTF-8, empty
/// files and YAML syntax errors all become diagnostics naming the file, line and column.
public struct YAMLFile: Sendable {
    public let path: String
    public let text: String
    public let lines: [Substring]

    /// The largest policy or waiver file accepted; anything bigger is a mistake, not a policy.
    public static let maxBytes = 8 * 1024 * 1024

    /// A file already read: `text` is its content, `path` names it in diagnostics.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Reads and decodes `path`, or returns the diagnostic that says why it cannot be used.
    public static func read(_ path: String, maxBytes: Int = YAMLFile.maxBytes) -> Result<YAMLFile, Diagnostic> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Diagnostic(code: "unreadable", message: "cannot read file", location: start))
        }
        if data.count > maxBytes {
            return .failure(Diagnostic(code: "too-large", message: "file is \(data.count) bytes; the limit is \(maxBytes)", location: start))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let place = firstInvalidUTF8(in: data)
            return .failure(Diagnostic(
                code: "encoding", message: "file is not valid UTF-8 (invalid byte 0x\(String(place.byte, radix: 16, uppercase: true)))",
                location: SourceLocation(file: path, line: place.line, column: place.column)))
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            return .failure(Diagnostic(code: "empty", message: "file is empty", location: start))
        }
        return .success(YAMLFile(path: path, text: text))
    }

    /// The documents in the file (`---` separates several), or the syntax error.
    public func documents() -> Result<[Node], Diagnostic> {
        do {
            var nodes: [Node] = []
            // The sequence stops at the first error and keeps it in `error` instead of throwing.
            // The basic resolver: posture reads every scalar as text and converts it by the
            // schema itself, so Yams' regex-based tag resolution of every scalar is wasted work.
            var documents = try Yams.compose_all(yaml: text, .basic)
            while let node = documents.next() { nodes.append(node) }
            if let error = documents.error { throw error }
            return .success(nodes.filter { !Self.isEmptyDocument($0) })
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
        } catch {
            return .failure(Diagnostic(code: "yaml-syntax", message: "\(error)", location: location(line: 1, column: 1)))
        }
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    public func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return location(line: 1, column: 1) }
        return location(line: mark.line, column: mark.column)
    }

    /// A diagnostic at `location`, with the source line attached for the caret.
    public func diagnostic(_ code: String, _ message: String, at location: SourceLocation, notes: [String] = []) -> Diagnostic {
        Diagnostic(code: code, message: message, location: location, sourceLine: sourceLine(location.line), notes: notes)
    }

    public func diagnostic(_ code: String, _ message: String, at node: Node, notes: [String] = []) -> Diagnostic {
        diagnostic(code, message, at: location(of: node), notes: notes)
    }

    public func sourceLine(_ line: Int) -> String? {
        guard line >= 1, line <= lines.count else { return nil }
        return String(lines[line - 1]).replacingOccurrences(of: "\r", with: "")
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text): " } ?? ""
            return diagnostic("yaml-syntax", "invalid YAML: \(prefix)\(problem)", at: location(line: mark.line, column: mark.column))
        case let .duplicatedKeysInMapping(duplicates, context):
            return diagnostic("duplicate-key", "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in mapping",
                              at: location(line: context.mark.line, column: context.mark.column))
        case let .reader(problem, offset, _, _):
            let place = offset.map { lineAndColumn(ofUTF8Offset: $0) } ?? (1, 1)
            return diagnostic("yaml-syntax", "invalid YAML input: \(problem)", at: location(line: place.0, column: place.1))
        default:
            return diagnostic("yaml-syntax", "invalid YAML: \(error)", at: location(line: 1, column: 1))
        }
    }

    private func lineAndColumn(ofUTF8Offset offset: Int) -> (Int, Int) {
        var line = 1, column = 1, consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += String(scalar).utf8.count
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    private static func isEmptyDocument(_ node: Node) -> Bool {
        if case let .scalar(scalar) = node { return scalar.isNull || scalar.string.isEmpty }
        return false
    }

    /// Line and column of the first byte that breaks UTF-8, for the error message.
    private static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int, byte: UInt8) {
        let bytes = [UInt8](data)
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let length = utf8SequenceLength(bytes, at: index)
            guard length > 0 else { return (line, column, bytes[index]) }
            if bytes[index] == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (line, column, 0)
    }

    /// Length of the valid UTF-8 sequence starting at `index`, or 0 when it is invalid.
    private static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let sequence = Array(bytes[index..<index + length])
        return String(validating: sequence, as: UTF8.self) == nil ? 0 : length
    }
}

extension Node.Scalar {
    /// YAML's null: an empty plain scalar, `~` or `null` (tags are not resolved, see `documents()`).
    public var isNull: Bool {
        style == .plain && (string.isEmpty || string == "~" || string == "null" || string == "Null" || string == "NULL")
    }
}
