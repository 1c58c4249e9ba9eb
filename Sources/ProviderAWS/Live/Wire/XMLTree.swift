import Foundation

/// An XML element as the decoders need it: local name (namespace prefix dropped, as botocore
/// drops `{uri}`), attributes as written (`xsi:type`), child elements, and the text before the
/// first child (ElementTree's `.text`: all of it for the leaf elements that carry values).
final class WireXMLElement {
    let name: String
    let attributes: [(name: String, value: String)]
    var children: [WireXMLElement] = []
    /// nil for an empty element (`<Marker/>`), which botocore reads as "".
    var text: String?

    init(name: String, attributes: [(name: String, value: String)]) {
        self.name = name
        self.attributes = attributes
    }

    func child(_ name: String) -> WireXMLElement? { children.first { $0.name == name } }

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}

/// Why a body is not XML, with the byte offset.
struct XMLTreeError: Error, Sendable, CustomStringConvertible {
    let offset: Int
    let reason: String
    var description: String { "invalid XML at byte \(offset): \(reason)" }
}

/// A small non-validating XML reader for AWS answers: elements, attributes, text, the five
/// named entities and character references, CDATA; declarations, comments, processing
/// instructions and DOCTYPE are skipped.
///
/// Measured against FoundationXML's `XMLParser` building the same tree from moto's 5 MB
/// GetAccountAuthorizationDetails page (release build, best of 5, a shared 2-core machine):
/// 17–34 ms here against 16–34 ms: a tie once text runs are found with memchr (a byte loop took
/// 44 ms against 30). This one is kept because it needs no libxml2 at run time, reads attributes
/// as written (`xsi:type`, as botocore names them) and reports where a body stops being XML.
enum XMLTreeReader {
    static func parse(_ data: Data) throws(XMLTreeError) -> WireXMLElement {
        let result: Result<WireXMLElement, XMLTreeError> = data.withUnsafeBytes { raw in
            var reader = XMLByteReader(bytes: raw.bindMemory(to: UInt8.self))
            do throws(XMLTreeError) { return .success(try reader.document()) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

private struct XMLByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The offset of the first `byte` in `start..<end` (default: to the end), or `end`; memchr
    /// finds the end of long text runs (IAM's encoded policy documents) far faster than a loop.
    private func find(_ byte: UInt8, from start: Int, to end: Int? = nil) -> Int {
        let end = end ?? bytes.count
        guard start < end, let base = bytes.baseAddress else { return end }
        guard let found = memchr(base + start, Int32(byte), end - start) else { return end }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private func fail(_ reason: String) -> XMLTreeError { XMLTreeError(offset: index, reason: reason) }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pointer = text.utf8Start
        for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
        return true
    }

    /// Moves past the next `terminator`; false when it never comes.
    private mutating func skip(past terminator: StaticString) -> Bool {
        while index < bytes.count {
            if starts(with: terminator) { index += terminator.utf8CodeUnitCount; return true }
            index += 1
        }
        return false
    }

    mutating func document() throws(XMLTreeError) -> WireXMLElement {
        if starts(with: "\u{FEFF}") { index += 3 }
        var stack: [WireXMLElement] = []
        var root: WireXMLElement?
        var text: [UInt8] = []
        while index < bytes.count {
            if bytes[index] != 0x3C {
                let start = index
                index = find(0x3C, from: index)
                let ampersand = find(0x26, from: start, to: index)
                index = ampersand
                if let top = stack.last, top.children.isEmpty {
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                }
                if index < bytes.count, bytes[index] == 0x26 {
                    let decoded = try entity()
                    if let top = stack.last, top.children.isEmpty { text.append(contentsOf: decoded) }
                }
                continue
            }
            if starts(with: "<!--") {
                guard skip(past: "-->") else { throw fail("unterminated comment") }
            } else if starts(with: "<![CDATA[") {
                index += 9
                let start = index
                guard skip(past: "]]>") else { throw fail("unterminated CDATA") }
                if let top = stack.last, top.children.isEmpty { text.append(contentsOf: bytes[start..<index - 3]) }
            } else if starts(with: "<?") {
                guard skip(past: "?>") else { throw fail("unterminated processing instruction") }
            } else if starts(with: "<!") {
                guard skip(past: ">") else { throw fail("unterminated declaration") }
            } else if starts(with: "</") {
                index += 2
                let name = readName()
                skipSpace()
                guard index < bytes.count, bytes[index] == 0x3E, let top = stack.popLast(), top.name == localName(name) else {
                    throw fail("mismatched end tag </\(name)>")
                }
                index += 1
                finish(top, text: &text)
                if stack.isEmpty { root = top; break }
            } else {
                index += 1
                let (element, selfClosing) = try startTag()
                if let parent = stack.last {
                    if parent.children.isEmpty { finish(parent, text: &text) }
                    parent.children.append(element)
                } else if root != nil {
                    throw fail("second root element")
                }
                if selfClosing {
                    if stack.isEmpty { root = element; break }
                } else {
                    stack.append(element)
                }
            }
        }
        guard stack.isEmpty, let root else { throw fail(stack.isEmpty ? "no root element" : "unclosed <\(stack.last?.name ?? "")>") }
        return root
    }

    /// Sets the element's text from what was gathered before its first child.
    private func finish(_ element: WireXMLElement, text: inout [UInt8]) {
        if element.text == nil, !text.isEmpty {
            element.text = text.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        }
        text.removeAll(keepingCapacity: true)
    }

    private mutating func startTag() throws(XMLTreeError) -> (WireXMLElement, Bool) {
        let name = readName()
        guard !name.isEmpty else { throw fail("element without a name") }
        var attributes: [(name: String, value: String)] = []
        while true {
            skipSpace()
            guard index < bytes.count else { throw fail("unterminated start tag <\(name)>") }
            if bytes[index] == 0x3E { index += 1; return (WireXMLElement(name: localName(name), attributes: attributes), false) }
            if bytes[index] == 0x2F {
                guard index + 1 < bytes.count, bytes[index + 1] == 0x3E else { throw fail("stray / in <\(name)>") }
                index += 2
                return (WireXMLElement(name: localName(name), attributes: attributes), true)
            }
            let attributeName = readName()
            skipSpace()
            guard !attributeName.isEmpty, index < bytes.count, bytes[index] == 0x3D else { throw fail("bad attribute in <\(name)>") }
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27 else { throw fail("unquoted attribute") }
            let quote = bytes[index]
            index += 1
            var value: [UInt8] = []
            while index < bytes.count, bytes[index] != quote {
                if bytes[index] == 0x26 {
                    value.append(contentsOf: try entity())
                } else {
                    value.append(bytes[index])
                    index += 1
                }
            }
            guard index < bytes.count else { throw fail("unterminated attribute") }
            index += 1
            attributes.append((attributeName, String(decoding: value, as: UTF8.self)))
        }
    }

    private mutating func readName() -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x3E || byte == 0x2F || byte == 0x3D { break }
            index += 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    /// Decodes `&name;` or `&#N;` / `&#xH;` at the index into UTF-8.
    private mutating func entity() throws(XMLTreeError) -> [UInt8] {
        let start = index
        while index < bytes.count, bytes[index] != 0x3B, index - start < 12 { index += 1 }
        guard index < bytes.count, bytes[index] == 0x3B else { throw fail("unterminated entity") }
        let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[start + 1..<index]), as: UTF8.self)
        index += 1
        switch body {
        case "amp": return [0x26]
        case "lt": return [0x3C]
        case "gt": return [0x3E]
        case "quot": return [0x22]
        case "apos": return [0x27]
        default:
            let code: UInt32?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                code = UInt32(body.dropFirst(2), radix: 16)
            } else if body.hasPrefix("#") {
                code = UInt32(body.dropFirst(), radix: 10)
            } else {
                code = nil
            }
            guard let code, let scalar = Unicode.Scalar(code) else { throw fail("unknown entity &\(body);") }
            return Array(String(Character(scalar)).utf8)
        }
    }
}
