import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The fields the chain reads from an STS XML answer: the credentials of
/// `<AssumeRoleResult>` / `<AssumeRoleWithWebIdentityResult>`, or an `<Error>`'s code and message.
struct STSAnswer: Equatable {
    var accessKeyId: String?
    var secretAccessKey: String?
    var sessionToken: String?
    var expiration: String?
    var errorCode: String?
    var errorMessage: String?

    static func parse(_ data: Data) -> STSAnswer {
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        _ = parser.parse()
        return collector.answer
    }

    /// Keeps the text of the elements it knows, by their parent (`Credentials` or `Error`).
    private final class Collector: NSObject, XMLParserDelegate {
        var answer = STSAnswer()
        private var path: [String] = []
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            path.append(name)
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let parent = path.dropLast().last
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch (parent, name) {
            case ("Credentials", "AccessKeyId"): answer.accessKeyId = value
            case ("Credentials", "SecretAccessKey"): answer.secretAccessKey = value
            case ("Credentials", "SessionToken"): answer.sessionToken = value
            case ("Credentials", "Expiration"): answer.expiration = value
            case ("Error", "Code"): answer.errorCode = value
            case ("Error", "Message"): answer.errorMessage = value
            default: break
            }
            path.removeLast()
            text = ""
        }
    }
}
