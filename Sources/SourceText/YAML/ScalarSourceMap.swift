import Foundation
import Yams

/// Maps an offset inside a YAML scalar's value back to a line and column of the file.
///
/// Handles plain and quoted scalars on one line and literal (`|`) or folded (`>`) block
/// scalars over several; for quoted scalars containing escapes the column is approximate.
public struct ScalarSourceMap: Sendable {
    private struct Segment {
        let line: Int
        let column: Int
        let length: Int
    }

    private let segments: [Segment]
    private let fallback: SourceLocation
    private let path: String

    public init(scalar: Node.Scalar, file: YAMLFile) {
        path = file.path
        let line = scalar.mark?.line ?? 1, column = scalar.mark?.column ?? 1
        fallback = file.location(line: line, column: column)
        switch scalar.style {
        case .literal, .folded:
            segments = Self.blockSegments(after: line, in: file)
        case .singleQuoted, .doubleQuoted:
            segments = Self.flowSegments(line: line, column: column, skip: 1, in: file)
        default:
            segments = Self.flowSegments(line: line, column: column, skip: 0, in: file)
        }
    }

    /// The file location of the Unicode-scalar `offset` inside the scalar's value.
    public func location(ofOffset offset: Int) -> SourceLocation {
        var remaining = offset
        for segment in segments {
            if remaining <= segment.length {
                return SourceLocation(file: path, line: segment.line, column: segment.column + remaining)
            }
            remaining -= segment.length + 1 // the newline or folding space between segments
        }
        if let last = segments.last {
            return SourceLocation(file: path, line: last.line, column: last.column + last.length)
        }
        return fallback
    }

    private static func blockSegments(after headerLine: Int, in file: YAMLFile) -> [Segment] {
        var segments: [Segment] = []
        var indent: Int?
        var line = headerLine + 1
        while let text = file.sourceLine(line) {
            let leading = text.prefix { $0 == " " }.count
            let isBlank = text.trimmingCharacters(in: .whitespaces).isEmpty
            if !isBlank {
                if indent == nil { indent = leading }
                if let indent, leading < indent { break }
            }
            let start = indent ?? leading
            let length = max(0, text.unicodeScalars.count - start)
            segments.append(Segment(line: line, column: start + 1, length: length))
            line += 1
        }
        return segments
    }

    private static func flowSegments(line markLine: Int, column markColumn: Int, skip: Int, in file: YAMLFile) -> [Segment] {
        guard let first = file.sourceLine(markLine) else { return [] }
        let startColumn = markColumn + skip
        let length = max(0, first.unicodeScalars.count - (startColumn - 1))
        var segments = [Segment(line: markLine, column: startColumn, length: length)]
        // Continuation lines of a multi-line flow scalar fold into single spaces.
        var line = markLine + 1
        while segments.count < 64, let text = file.sourceLine(line) {
            let leading = text.prefix { $0 == " " }.count
            if leading <= markColumn - 1 || text.trimmingCharacters(in: .whitespaces).isEmpty { break }
            segments.append(Segment(line: line, column: leading + 1, length: text.unicodeScalars.count - leading))
            line += 1
        }
        return segments
    }
}
