import Foundation
import Model

/// A policy document where IAM answers hold one: a JSON object (authorization details as the
/// CLI prints them) or a string — plain or URL-encoded JSON (the raw IAM API, AWS Config).
///
/// Never throws for a malformed document: it keeps the problem with its JSON path instead, so
/// one bad policy costs that policy (reported as a collection error), not the whole file.
struct IAMPolicyDocumentField: Decodable {
    let document: PolicyDocument?
    /// `$.Policies[2].PolicyVersionList[0].Document.Statement: expected …` when unusable.
    let problem: String?

    init(from decoder: any Decoder) throws {
        let path = Self.path(decoder.codingPath)
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            do {
                document = try PolicyDocumentParser.parse(text, source: path)
                problem = nil
            } catch {
                document = nil
                // The parser's message names the path inside the string's own JSON.
                problem = "\(path) (a JSON string): \(error.message)"
            }
            return
        }
        do {
            document = try RawPolicyDocument(from: decoder).normalized
            problem = nil
        } catch let error as DecodingError {
            document = nil
            problem = "policy document: " + SnapshotJSON.describe(error)
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        "$" + codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
    }
}
