import Foundation

extension JSONValue {
    /// How written text is laid out, in the terms of Python's `json.dumps` (whose output the
    /// AWS CLI prints and botocore sends): an indent per level or none, and the separators
    /// after an element and after a key.
    public struct Layout: Sendable {
        /// Spaces per level, each element on its own line; nil writes everything on one line.
        public var indent: Int?
        public var itemSeparator: String
        public var keySeparator: String

        public init(indent: Int? = nil, itemSeparator: String = ",", keySeparator: String = ":") {
            self.indent = indent
            self.itemSeparator = itemSeparator
            self.keySeparator = keySeparator
        }

        /// `{"a":1,"b":[1,2]}`.
        public static let compact = Layout()
    }

    /// The value as JSON text: members in their order, numbers as their text, and non-ASCII
    /// text as it is (only quotes, backslashes and control characters are escaped). Empty
    /// arrays and objects are `[]` and `{}` in every layout, as Python writes them.
    ///
    /// - Parameter layout: Indentation and separators; compact by default.
    /// - Returns: UTF-8 text, without a final newline.
    public func data(_ layout: Layout = .compact) -> Data {
        var writer = JSONWriter(layout: layout)
        writer.write(self, depth: 0)
        return Data(writer.out)
    }
}

/// Writes a `JSONValue` into UTF-8 bytes.
private struct JSONWriter {
    let indent: Int?
    let itemSeparator: [UInt8]
    let keySeparator: [UInt8]
    var out: [UInt8] = []

    init(layout: JSONValue.Layout) {
        indent = layout.indent
        itemSeparator = Array(layout.itemSeparator.utf8)
        keySeparator = Array(layout.keySeparator.utf8)
        out.reserveCapacity(4096)
    }

    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case let .number(text): out.append(contentsOf: text.utf8)
        case let .string(text): write(string: text)
        case let .array(items):
            container(items, open: "[", close: "]", depth: depth) { writer, item in writer.write(item, depth: depth + 1) }
        case let .object(members):
            container(members, open: "{", close: "}", depth: depth) { writer, member in
                writer.write(string: member.key)
                writer.out.append(contentsOf: writer.keySeparator)
                writer.write(member.value, depth: depth + 1)
            }
        }
    }

    /// An array's or object's brackets around its elements, each written by `element`; empty
    /// is `[]` or `{}` in every layout.
    private mutating func container<Elements: Collection>(_ elements: Elements, open: Unicode.Scalar, close: Unicode.Scalar, depth: Int,
                                                          _ element: (inout JSONWriter, Elements.Element) -> Void) {
        out.append(UInt8(ascii: open))
        for (index, item) in elements.enumerated() {
            if index > 0 { out.append(contentsOf: itemSeparator) }
            newline(depth: depth + 1)
            element(&self, item)
        }
        if !elements.isEmpty { newline(depth: depth) }
        out.append(UInt8(ascii: close))
    }

    private mutating func newline(depth: Int) {
        guard let indent else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: depth * indent))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func write(string text: String) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0..<0x20: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
