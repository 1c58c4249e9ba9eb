import Foundation
import Model
import SourceText

/// A policy document where IAM answers hold one: a JSON object (authorization details as the
/// CLI prints them) or a string — plain or URL-encoded JSON (the raw IAM API, AWS Config).
///
/// Never throws for a malformed document: it keeps the problem with its JSON path instead, so
/// one bad policy costs that policy (reported as a collection error), not the whole file.
struct IAMPolicyDocumentField: Decodable, Sendable {
    let document: PolicyDocument?
    /// `$.Policies[2].PolicyVersionList[0].Document.Statement: expected …` when unusable.
    let problem: String?

    init(from decoder: any Decoder) throws {
        // The object form first: it is what the CLI prints, so the common case throws nothing
        // and never builds a coding path (both cost real time on 100 MB exports).
        let objectError: DecodingError
        do {
            document = try RawPolicyDocument(from: decoder).normalized
            problem = nil
            return
        } catch let error as DecodingError {
            objectError = error
        }
        guard let text = try? decoder.singleValueContainer().decode(String.self) else {
            document = nil
            problem = "policy document: " + JSONText.describe(objectError)
            return
        }
        do {
            document = try PolicyDocumentParser.parse(text, source: "")
            problem = nil
        } catch {
            document = nil
            // The parser's message names the path inside the string's own JSON.
            problem = "\(Self.path(decoder.codingPath)) (a JSON string): \(error.message)"
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        "$" + codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
    }
}
