import Foundation
import Yams

/// Small typed readers over Yams nodes that report problems as diagnostics with a place.
public struct NodeReader {
    public let file: YAMLFile
    public var diagnostics: [Diagnostic] = []
    /// Keys suggested for misspelt keys since the last reset: a misspelt required key is
    /// reported once, as unknown with its suggestion, not again as missing.
    public var suggestedKeys: Set<String> = []

    public init(file: YAMLFile) { self.file = file }

    public mutating func error(_ code: String, _ message: String, at node: Node, notes: [String] = []) {
        diagnostics.append(file.diagnostic(code, message, at: node, notes: notes))
    }

    /// The mapping's entries by key, reporting duplicate and unknown keys.
    public mutating func entries(of node: Node, what: String, allowed: [String]) -> [String: (key: Node, value: Node)]? {
        guard case let .mapping(mapping) = node else {
            error("type", "\(what) must be a mapping, found \(describe(node))", at: node)
            return nil
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key else {
                error("type", "keys in \(what) must be strings", at: key)
                continue
            }
            let name = scalar.string
            if result[name] != nil {
                error("duplicate-key", "duplicate key '\(name)' in \(what)", at: key)
                continue
            }
            if !allowed.isEmpty, !allowed.contains(name) {
                var notes: [String] = []
                if let suggestion = Suggestion.closest(to: name, in: allowed) {
                    notes.append("did you mean '\(suggestion)'?")
                    suggestedKeys.insert(suggestion)
                }
                error("unknown-key", "unknown key '\(name)' in \(what)", at: key, notes: notes)
                continue
            }
            result[name] = (key, value)
        }
        return result
    }

    public mutating func string(_ node: Node, what: String) -> String? {
        guard case let .scalar(scalar) = node, !scalar.isNull else {
            error("type", "\(what) must be a string, found \(describe(node))", at: node)
            return nil
        }
        return scalar.string
    }

    public mutating func nonEmptyString(_ node: Node, what: String) -> String? {
        guard let value = string(node, what: what) else { return nil }
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            error("empty", "\(what) must not be empty", at: node)
            return nil
        }
        return value
    }

    public mutating func stringList(_ node: Node, what: String) -> [String]? {
        if case .scalar = node, let single = string(node, what: what) { return [single] }
        guard case let .sequence(sequence) = node else {
            error("type", "\(what) must be a list of strings, found \(describe(node))", at: node)
            return nil
        }
        return sequence.compactMap { string($0, what: "each entry of \(what)") }
    }

    public func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case let .scalar(scalar): scalar.isNull ? "nothing" : "'\(scalar.string)'"
        case .alias: "an alias"
        }
    }
}

/// "Did you mean …?" by edit distance (Levenshtein, case-insensitive).
public enum Suggestion {
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(2, name.count / 3)
        let scored = candidates.map { ($0, distance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit, best.1 > 0 || best.0 != name else { return nil }
        return best.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
