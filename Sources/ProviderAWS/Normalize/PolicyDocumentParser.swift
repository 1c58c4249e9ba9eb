import Foundation
import HTTP
import Model
import SourceText

/// Parses an IAM policy document (identity, trust or bucket policy) in any of its JSON forms
/// into the model's normalized `PolicyDocument`: single strings become lists, every Principal
/// form becomes a list of principals, NotAction/NotResource/NotPrincipal and Condition kept.
public enum PolicyDocumentParser {
    /// Parses a document given as a JSON string, a URL-encoded JSON string (as IAM's APIs and
    /// AWS Config return them), or JSON bytes.
    public static func parse(_ text: String, source: String) throws(SnapshotError) -> PolicyDocument {
        var json = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if json.hasPrefix("%7B") || json.hasPrefix("%7b"), let decoded = json.removingPercentEncoding { json = decoded }
        return try parse(Data(json.utf8), source: source)
    }

    public static func parse(_ data: Data, source: String) throws(SnapshotError) -> PolicyDocument {
        do {
            return try JSONText.decoder.decode(RawPolicyDocument.self, from: data).normalized
        } catch let error as DecodingError {
            throw SnapshotError(source: source, message: "policy document: \(JSONText.describe(error))")
        } catch let error as SnapshotError {
            throw error
        } catch {
            throw SnapshotError(source: source, message: "policy document: \(error)")
        }
    }
}

/// A policy document as IAM writes it (every element in all its allowed forms).
public struct RawPolicyDocument: Decodable, Sendable {
    var version: String?
    var statements: [RawStatement]

    private enum CodingKeys: String, CodingKey { case Version, Statement }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(String.self, forKey: .Version)
        // A list is opened first and its statements decoded with their own errors: decoding
        // the whole list under `try?` hid a bad statement behind "expected an object".
        if var list = try? container.nestedUnkeyedContainer(forKey: .Statement) {
            var decoded: [RawStatement] = []
            while !list.isAtEnd { decoded.append(try list.decode(RawStatement.self)) }
            statements = decoded
        } else if container.contains(.Statement) {
            statements = [try container.decode(RawStatement.self, forKey: .Statement)]
        } else {
            statements = []
        }
    }

    /// Also accepts a document that is itself given as a (URL-encoded) JSON string.
    public var normalized: PolicyDocument {
        PolicyDocument(version: version, statements: statements.map(\.normalized))
    }
}

struct RawStatement: Decodable, Sendable {
    var sid: String?
    var effect: Effect
    var action: [String]
    var notAction: [String]
    var resource: [String]
    var notResource: [String]
    var principal: [Principal]
    var notPrincipal: [Principal]
    var condition: [Condition]

    private enum CodingKeys: String, CodingKey {
        case Sid, Effect, Action, NotAction, Resource, NotResource, Principal, NotPrincipal, Condition
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sid = try? container.decodeIfPresent(String.self, forKey: .Sid)
        let effectText = try container.decode(String.self, forKey: .Effect)
        guard let effect = Effect(rawValue: effectText) else {
            throw DecodingError.dataCorruptedError(forKey: .Effect, in: container, debugDescription: "Effect must be Allow or Deny, not '\(effectText)'")
        }
        self.effect = effect
        action = try Self.strings(container, .Action)
        notAction = try Self.strings(container, .NotAction)
        resource = try Self.strings(container, .Resource)
        notResource = try Self.strings(container, .NotResource)
        principal = try Self.principals(container, .Principal)
        notPrincipal = try Self.principals(container, .NotPrincipal)
        condition = try Self.conditions(container)
    }

    var normalized: Statement {
        Statement(sid: sid, effect: effect, actions: action, notActions: notAction, resources: resource, notResources: notResource,
                  principals: principal, notPrincipals: notPrincipal, conditions: condition)
    }

    /// A string or a list of strings (absent: empty).
    private static func strings(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [String] {
        guard container.contains(key) else { return [] }
        if let single = try? container.decode(String.self, forKey: key) { return [single] }
        return try container.decode([String].self, forKey: key)
    }

    /// `"*"`, or `{"AWS": "..." | [...], "Service": ..., "Federated": ..., "CanonicalUser": ...}`.
    private static func principals(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [Principal] {
        guard container.contains(key) else { return [] }
        if let single = try? container.decode(String.self, forKey: key) { return [Principal(type: "AWS", id: single)] }
        let map = try container.decode([String: StringOrList].self, forKey: key)
        return map.keys.sorted().flatMap { type in (map[type]?.values ?? []).map { Principal(type: type, id: $0) } }
    }

    /// `{"StringEquals": {"aws:SourceVpce": "vpce-1" | [...]}}` → one entry per operator and key.
    private static func conditions(_ container: KeyedDecodingContainer<CodingKeys>) throws -> [Condition] {
        guard container.contains(.Condition) else { return [] }
        let map = try container.decode([String: [String: StringOrList]].self, forKey: .Condition)
        return map.keys.sorted().flatMap { op in
            (map[op] ?? [:]).keys.sorted().map { key in Condition(operator: op, key: key, values: map[op]?[key]?.values ?? []) }
        }
    }
}

/// A JSON string, number or boolean, or a list of them, as text (condition values may be
/// `true` or `123` unquoted).
struct StringOrList: Decodable, Sendable {
    var values: [String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let single = try? Self.scalar(container) {
            values = [single]
        } else {
            var list = try decoder.unkeyedContainer()
            var items: [String] = []
            while !list.isAtEnd {
                let item = try list.superDecoder().singleValueContainer()
                items.append(try Self.scalar(item))
            }
            values = items
        }
    }

    private static func scalar(_ container: any SingleValueDecodingContainer) throws -> String {
        if let text = try? container.decode(String.self) { return text }
        if let flag = try? container.decode(Bool.self) { return flag ? "true" : "false" }
        if let number = try? container.decode(Int64.self) { return String(number) }
        if let number = try? container.decode(Double.self) { return String(number) }
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a string, number or boolean")
    }
}
