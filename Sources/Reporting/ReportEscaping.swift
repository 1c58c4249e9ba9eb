import Foundation

/// Escaping shared by the hand-written XML, HTML, Markdown and CSV writers.
enum Escape {
    /// Text and attribute values for XML and HTML: `& < > " '` become entities, and characters
    /// XML 1.0 forbids (most C0 controls, lone surrogates cannot occur in Swift strings, U+FFFE/FFFF)
    /// become U+FFFD so the document stays well-formed whatever a cloud API returned.
    static func xml(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && value != 0xFFFE && value != 0xFFFF
                result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    /// Attribute values: as `xml`, and line breaks and tabs as character references, which
    /// attribute-value normalization would otherwise turn into spaces.
    static func xmlAttribute(_ text: String) -> String {
        xml(text).replacingOccurrences(of: "\n", with: "&#10;").replacingOccurrences(of: "\r", with: "&#13;")
            .replacingOccurrences(of: "\t", with: "&#9;")
    }

    /// HTML: the same entities (`&apos;` is HTML5; `&#39;` works everywhere).
    static func html(_ text: String) -> String {
        xml(text).replacingOccurrences(of: "&apos;", with: "&#39;")
    }

    /// Text inside Markdown: only `& < >`, so inline HTML cannot open a tag; quotes stay readable.
    static func markdownText(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// One Markdown table cell: HTML-escaped (GitHub renders inline HTML), pipes escaped, line
    /// breaks as spaces, and Markdown's emphasis and link characters neutralized.
    static func markdownCell(_ text: String, limit: Int = 300) -> String {
        var flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        if flat.count > limit { flat = String(flat.prefix(limit - 1)) + "…" }
        var escaped = ""
        for character in flat {
            switch character {
            case "|", "\\", "`", "*", "_", "[", "]", "~": escaped += "\\\(character)"
            default: escaped.append(character)
            }
        }
        // Backslashes first, entities second: an entity's `#` and `;` must stay as they are.
        return markdownText(escaped)
    }

    /// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading
    /// `= + - @` or tab is prefixed with `'` so spreadsheets do not run it as a formula.
    static func csv(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { value = "'" + value }
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
