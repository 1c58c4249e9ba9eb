import Foundation
import HTTP

/// One case of AWS's SigV4 test suite (`../shared/conformance/sigv4`): the raw request and
/// the expected canonical request, string to sign, `Authorization` value and signed request.
struct SigV4SuiteCase {
    /// The case's path under the suite folder (`get-vanilla`, `normalize-path/get-slash`).
    let name: String
    let request: RawHTTPRequest
    let signedRequest: RawHTTPRequest
    let canonicalRequest: String
    let stringToSign: String
    let authorization: String

    /// Every folder holding a `<folder name>.req`, sorted by name.
    static func all(in root: URL) throws -> [SigV4SuiteCase] {
        var cases: [SigV4SuiteCase] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "req" else { continue }
            let folder = url.deletingLastPathComponent()
            guard url.deletingPathExtension().lastPathComponent == folder.lastPathComponent else { continue }
            let relative = String(folder.path.dropFirst(root.path.count + 1))
            cases.append(try SigV4SuiteCase(name: relative, folder: folder))
        }
        return cases.sorted { $0.name < $1.name }
    }

    init(name: String, folder: URL) throws {
        self.name = name
        let base = folder.appendingPathComponent(folder.lastPathComponent)
        func text(_ ext: String) throws -> String {
            // Read as bytes and decode without any trimming: the files have no final newline.
            String(decoding: try Data(contentsOf: base.appendingPathExtension(ext)), as: UTF8.self)
        }
        request = try RawHTTPRequest(parsing: text("req"))
        signedRequest = try RawHTTPRequest(parsing: text("sreq"))
        canonicalRequest = try text("creq")
        stringToSign = try text("sts")
        authorization = try text("authz")
    }
}

/// An HTTP/1.1 request as the suite writes it: request line, header lines (with folded
/// continuation lines and repeated names), a blank line, the body.
struct RawHTTPRequest {
    var method: String
    /// The request target exactly as written (it may hold a raw space or UTF-8).
    var target: String
    var headers: [HTTPHeader]
    var body: Data

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    init(parsing text: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let requestLine = lines.popFirst(), let firstSpace = requestLine.firstIndex(of: " "),
              let lastSpace = requestLine.lastIndex(of: " "), firstSpace < lastSpace else {
            throw ParseError(description: "no request line")
        }
        // The target is everything between method and version: it may contain spaces.
        method = String(requestLine[..<firstSpace])
        target = String(requestLine[requestLine.index(after: firstSpace)..<lastSpace])
        headers = []
        while let line = lines.popFirst() {
            // The first empty line ends the head; what follows is the body (a file may also
            // simply end with a newline).
            if line.isEmpty { break }
            if line.first == " " || line.first == "\t" {
                // obs-fold: a continuation joins the previous value with one space (RFC 9112 §5.2).
                guard let last = headers.indices.last else { throw ParseError(description: "continuation before any header") }
                headers[last].value += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { throw ParseError(description: "header line without ':': \(line)") }
            headers.append(HTTPHeader(String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        body = Data(lines.joined(separator: "\n").utf8)
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
