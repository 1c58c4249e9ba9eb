import Foundation
import Findings
import SourceText
import Yams

/// Reads a waiver file into `Waiver`s, reporting every problem as `FILE:LINE:COL: error: …`.
///
/// The file is a list of entries, or a mapping with a `waivers:` list:
///
/// ```yaml
/// waivers:
///   - policy: aws-s3-bucket-public          # id or glob
///     resource: "arn:aws:s3:::kestrel-press-kit"   # glob on id/ARN or name
///     account: "123456789012"               # optional glob
///     region: us-east-1                     # optional glob
///     reason: Press kit is public by design  # required
///     owner: web-team                        # optional
///     expires: 2026-06-30                    # required: a date (valid through that day, UTC) or an RFC 3339 time
/// ```
struct WaiverFileParser {
    static let keys = ["policy", "resource", "account", "region", "reason", "owner", "expires"]
    static let maxBytes = 4 * 1024 * 1024

    let file: YAMLFile
    private(set) var diagnostics: [Diagnostic] = []

    init(file: YAMLFile) {
        self.file = file
    }

    /// The waivers of the file, or every problem found in it.
    mutating func parse() -> [Waiver] {
        let root: Node
        switch file.documents() {
        case let .failure(diagnostic):
            diagnostics.append(diagnostic)
            return []
        case let .success(documents):
            guard let first = documents.first else {
                error("empty", "waiver file is empty", line: 1, column: 1)
                return []
            }
            root = first
        }
        guard let list = entries(of: root) else { return [] }
        return list.compactMap { entry($0) }
    }

    /// The list of entries: the root itself, or its `waivers` key.
    private mutating func entries(of root: Node) -> [Node]? {
        switch root {
        case let .sequence(sequence):
            return Array(sequence)
        case let .mapping(mapping):
            for key in mapping.keys where key.string != "waivers" {
                error("unknown-key", "unknown key '\(key.string ?? "?")' at the top of the waiver file; expected 'waivers'", at: key)
            }
            guard let value = mapping.first(where: { $0.key.string == "waivers" })?.value else {
                error("missing-key", "the waiver file needs a 'waivers' list", at: root)
                return nil
            }
            if case let .sequence(sequence) = value { return Array(sequence) }
            if case let .scalar(scalar) = value, scalar.isNull { return [] }
            error("type", "'waivers' must be a list", at: value)
            return nil
        default:
            error("type", "the waiver file must be a list of waivers or a mapping with a 'waivers' list", at: root)
            return nil
        }
    }

    /// One entry, or nil (with diagnostics) when it is not usable.
    private mutating func entry(_ node: Node) -> Waiver? {
        guard case let .mapping(mapping) = node else {
            error("type", "each waiver must be a mapping with policy, resource, reason and expires", at: node)
            return nil
        }
        var values: [String: (key: Node, value: Node)] = [:]
        // A misspelt required key is reported once, as unknown with its suggestion, not again as missing.
        var suggested = Set<String>()
        for (key, value) in mapping {
            guard let name = key.string else { error("type", "waiver keys must be strings", at: key); continue }
            guard Self.keys.contains(name) else {
                let suggestion = Suggestion.closest(to: name, in: Self.keys)
                if let suggestion { suggested.insert(suggestion) }
                error("unknown-key", "unknown key '\(name)' in waiver", at: key, notes: suggestion.map { ["did you mean '\($0)'?"] } ?? [])
                continue
            }
            values[name] = (key, value)
        }
        let policy = required("policy", values, in: node, misspelt: suggested)
        let resource = required("resource", values, in: node, misspelt: suggested)
        let reason = required("reason", values, in: node, misspelt: suggested)
        let expiresText = required("expires", values, in: node, misspelt: suggested)
        let expires = expiresText.flatMap { text in values["expires"].flatMap { expiry(text, at: $0.value) } }
        let account = optional("account", values)
        let region = optional("region", values)
        let owner = optional("owner", values)
        guard let policy, let resource, let reason, let expiresText, let expires else { return nil }
        return Waiver(policy: policy, resource: resource, account: account, region: region, reason: reason, owner: owner,
                      expiresText: expiresText, expires: expires, location: location(of: node))
    }

    private mutating func required(_ key: String, _ values: [String: (key: Node, value: Node)], in node: Node,
                                   misspelt: Set<String>) -> String? {
        guard let entry = values[key] else {
            if misspelt.contains(key) { return nil }
            error("missing-key", "waiver lacks '\(key)'" + (key == "reason" ? ": say why the risk is accepted" : ""), at: node)
            return nil
        }
        return text(entry.value, key: key)
    }

    private mutating func optional(_ key: String, _ values: [String: (key: Node, value: Node)]) -> String? {
        values[key].flatMap { text($0.value, key: key) }
    }

    /// A non-empty scalar, exactly as written (Yams would turn `2026-06-30` into a date and `0123` into 83).
    private mutating func text(_ node: Node, key: String) -> String? {
        guard case let .scalar(scalar) = node, !(scalar.isNull) else {
            error("type", "'\(key)' must be a string", at: node)
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            error("empty", "'\(key)' must not be empty", at: node)
            return nil
        }
        return value
    }

    /// `YYYY-MM-DD` (valid through that day, UTC) or an RFC 3339 time (valid until that instant).
    private mutating func expiry(_ text: String, at node: Node) -> Date? {
        if let date = WaiverDate.endOfDay(text) ?? WaiverDate.instant(text) { return date }
        error("date", "'expires' must be a date such as 2026-06-30 or an RFC 3339 time, found '\(text)'", at: node)
        return nil
    }

    // MARK: diagnostics

    private func location(of node: Node) -> SourceLocation { file.location(of: node) }

    private mutating func error(_ code: String, _ message: String, at node: Node, notes: [String] = []) {
        let place = location(of: node)
        error(code, message, line: place.line, column: place.column, notes: notes)
    }

    private mutating func error(_ code: String, _ message: String, line: Int, column: Int, notes: [String] = []) {
        diagnostics.append(file.diagnostic(code, message, at: file.location(line: line, column: column), notes: notes))
    }
}

/// The date forms `expires` accepts.
enum WaiverDate {
    /// The instant after the last second of `YYYY-MM-DD` in UTC.
    static func endOfDay(_ text: String) -> Date? {
        guard RFC3339.isDate(text) else { return nil }
        return RFC3339.parse(text)?.addingTimeInterval(86_400)
    }

    /// An RFC 3339 time, with or without fractional seconds.
    static func instant(_ text: String) -> Date? {
        RFC3339.isDate(text) ? nil : RFC3339.parse(text)
    }
}
