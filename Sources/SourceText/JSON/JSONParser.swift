/// The one reader of JSON text (`JSONValue.parse`): a loop over bytes with an explicit stack
/// of open containers rather than recursion, so that no text can exhaust the thread's stack
/// (test runners and Swift's cooperative pool give threads little of it), and so that text
/// nested past `JSONValue.maxDepth` is still read to its end — a syntax error further on is
/// the better message — while only the containers within the limit are built.
///
/// The messages are those posture has always given for broken JSON (`JSONText.decode`);
/// places are byte offsets until a failure turns one into a line and column.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    let check: ((String) -> String?)?

    /// Containers being built, innermost last.
    private var frames: [Frame] = []
    /// Containers opened past the depth limit (true: an object): read, not built.
    private var skipped: [Bool] = []
    /// Where the first container past the limit opened.
    private var tooDeepAt: Int?

    init(bytes: UnsafeBufferPointer<UInt8>, check: ((String) -> String?)?) {
        self.bytes = bytes
        self.check = check
    }

    /// One open array or object and what it holds so far.
    private struct Frame {
        let isObject: Bool
        var items: [JSONValue] = []
        var members: [JSONMember] = []
        /// The key whose value comes next.
        var key = ""
        /// Where each key sits in `members`, once the object is too long to search.
        var positions: [String: Int]?

        /// Adds a value: an element, or the value of `key` (a repeated key keeps its first
        /// place and takes the new value).
        mutating func add(_ value: JSONValue) {
            guard isObject else { return items.append(value) }
            if members.count < 12 {
                if let place = members.firstIndex(where: { $0.key == key }) { members[place].value = value; return }
            } else {
                if positions == nil { positions = Dictionary(members.enumerated().map { ($1.key, $0) }) { first, _ in first } }
                if let place = positions?[key] { members[place].value = value; return }
                positions?[key] = members.count
            }
            members.append(JSONMember(key, value))
        }
    }

    /// The whole text as one value.
    mutating func document() throws(JSONValue.ParseError) -> JSONValue {
        var completed = try valueOrOpen()
        while true {
            guard let value = completed else {
                completed = try firstMember()
                continue
            }
            guard !frames.isEmpty || !skipped.isEmpty else {
                skipSpace()
                guard index == bytes.count else { throw failure(.textAfterValue) }
                if let tooDeepAt { throw failure(.tooDeep, at: tooDeepAt) }
                return value
            }
            if skipped.isEmpty { frames[frames.count - 1].add(value) }
            completed = try nextMember()
        }
    }

    /// A scalar, or nil after opening a container (its members follow).
    private mutating func valueOrOpen() throws(JSONValue.ParseError) -> JSONValue? {
        skipSpace()
        guard index < bytes.count else { throw failure(.valueMissing) }
        switch bytes[index] {
        case UInt8(ascii: "{"): open(object: true); return nil
        case UInt8(ascii: "["): open(object: false); return nil
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure(.unexpectedCharacter(bytes[index]))
        }
    }

    private mutating func open(object: Bool) {
        if frames.count == JSONValue.maxDepth || !skipped.isEmpty {
            if tooDeepAt == nil { tooDeepAt = index }
            skipped.append(object)
        } else {
            frames.append(Frame(isObject: object))
        }
        index += 1
    }

    private var innermostIsObject: Bool { skipped.last ?? frames[frames.count - 1].isObject }

    private var closer: UInt8 { innermostIsObject ? UInt8(ascii: "}") : UInt8(ascii: "]") }

    /// Right after `{` or `[`: the container closes at once, or its first member comes.
    private mutating func firstMember() throws(JSONValue.ParseError) -> JSONValue? {
        skipSpace()
        guard index < bytes.count else { throw failure(.notClosed(object: innermostIsObject)) }
        if bytes[index] == closer { return close() }
        return try member()
    }

    /// After a member: the container closes, or a comma and the next member come.
    private mutating func nextMember() throws(JSONValue.ParseError) -> JSONValue? {
        skipSpace()
        guard index < bytes.count else { throw failure(.notClosed(object: innermostIsObject)) }
        let close = closer
        if bytes[index] == close { return self.close() }
        guard bytes[index] == UInt8(ascii: ",") else { throw failure(.expectedCommaOr(close: close)) }
        index += 1
        return try member()
    }

    /// An element, or an object's `"key": value`: the value if a scalar, nil if it opens a container.
    private mutating func member() throws(JSONValue.ParseError) -> JSONValue? {
        skipSpace()
        guard index < bytes.count else { throw failure(.notClosed(object: innermostIsObject)) }
        if innermostIsObject {
            guard bytes[index] == UInt8(ascii: "\"") else { throw failure(.expectedKey) }
            let key = try string()
            skipSpace()
            guard index < bytes.count else { throw failure(.endAfterKey) }
            guard bytes[index] == UInt8(ascii: ":") else { throw failure(.expectedColon) }
            index += 1
            if skipped.isEmpty { frames[frames.count - 1].key = key }
        }
        return try valueOrOpen()
    }

    /// Closes the innermost container (index at its bracket). A container past the limit
    /// gives a stand-in: the parse fails at its end anyway.
    private mutating func close() -> JSONValue {
        index += 1
        if skipped.popLast() != nil { return .null }
        let frame = frames.removeLast()
        return frame.isObject ? .object(frame.members) : .array(frame.items)
    }

    mutating func skipSpace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    /// The problem at `offset` (by default the current byte), with its line and column.
    func failure(_ problem: JSONParseProblem, at offset: Int? = nil) -> JSONValue.ParseError {
        var line = 1, column = 1
        for byte in bytes[..<min(offset ?? index, bytes.count)] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return JSONValue.ParseError(line: line, column: column, problem: problem)
    }
}
