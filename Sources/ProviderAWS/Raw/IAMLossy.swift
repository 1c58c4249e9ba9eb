import Foundation
import SourceText

/// One element of a long list (a user, a role, a managed policy) decoded on its own: a wrong
/// type inside it spoils that element only, not the whole 100 MB document. The failure keeps
/// the JSON path, and the element's `Arn` when that much can be read, so the error can be
/// charged to the right account.
struct IAMLossy<Element: Decodable & Sendable>: Decodable, Sendable {
    let value: Element?
    /// `$.UserDetailList[3].Tags: expected a list, …` when the element did not decode.
    let problem: String?
    /// The element's ARN, read on its own when the element failed.
    let arn: String?

    private enum ArnKey: String, CodingKey { case Arn }

    init(from decoder: any Decoder) throws {
        do {
            value = try Element(from: decoder)
            problem = nil
            arn = nil
        } catch let error as DecodingError {
            value = nil
            problem = JSONText.describe(error)
            arn = try? decoder.container(keyedBy: ArnKey.self).decodeIfPresent(String.self, forKey: .Arn)
        }
    }
}
