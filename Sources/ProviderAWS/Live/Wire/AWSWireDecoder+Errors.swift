import Foundation
import HTTP
import SourceText

/// Error answers of every protocol, read as botocore reads them.
extension AWSWireDecoder {
    /// The error in an answer with status ≥ 301 (or an S3 200 that carries `<Error>`).
    public func decodeError(_ response: HTTPResponse, service: AWSServiceModel) -> AWSErrorAnswer {
        let requestID = Self.requestID(response.headers)
        // A proxy's or load balancer's page, or nothing at all: only the status says what happened.
        if response.status >= 500 {
            let trimmed = String(decoding: response.body.prefix(64), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("<html>") { return statusError(response, requestID: requestID) }
        }
        switch service.wireProtocol {
        case .query, .ec2, .restXML:
            return xmlError(response, requestID: requestID, service: service)
        case .json, .restJSON:
            return jsonError(response, requestID: requestID, rest: service.wireProtocol == .restJSON)
        }
    }

    private func statusError(_ response: HTTPResponse, requestID: String?) -> AWSErrorAnswer {
        AWSErrorAnswer(code: String(response.status), message: Self.reasonPhrase(response.status), status: response.status, requestID: requestID)
    }

    /// `<ErrorResponse><Error>` (query), `<Response><Errors><Error>` (ec2), `<Error>` (S3).
    private func xmlError(_ response: HTTPResponse, requestID: String?, service: AWSServiceModel) -> AWSErrorAnswer {
        guard !response.body.isEmpty, let root = try? XMLTreeReader.parse(response.body) else {
            if service.wireProtocol == .restXML || response.body.isEmpty { return statusError(response, requestID: requestID) }
            return AWSErrorAnswer(code: String(response.status), message: String(decoding: response.body.prefix(512), as: UTF8.self),
                                  status: response.status, requestID: requestID)
        }
        let error = root.name == "Error" ? root : root.child("Error") ?? root.child("Errors")?.child("Error")
        let code = error?.child("Code")?.text ?? ""
        let message = error?.child("Message")?.text ?? ""
        let bodyRequestID = root.child("RequestId")?.text ?? root.child("RequestID")?.text ?? error?.child("RequestId")?.text
        return AWSErrorAnswer(code: code.isEmpty ? String(response.status) : code, message: message, status: response.status,
                              requestID: bodyRequestID ?? requestID)
    }

    /// `{"__type": "ns#Code", "message": …}`, or the `x-amzn-ErrorType` header (rest-json).
    private func jsonError(_ response: HTTPResponse, requestID: String?, rest: Bool) -> AWSErrorAnswer {
        let body = response.body.isEmpty ? JSONValue.object([]) : try? JSONValue.parse(response.body)
        let text = String(decoding: response.body.prefix(512), as: UTF8.self)
        let message = body?["message"]?.stringValue ?? body?["Message"]?.stringValue ?? (body == nil ? text : "")
        var code = body?["__type"]?.stringValue ?? String(response.status)
        if rest {
            if let header = response.header("x-amzn-errortype") {
                code = header
            } else if let bodyCode = body?["code"]?.stringValue ?? body?["Code"]?.stringValue {
                code = bodyCode
            }
        }
        return AWSErrorAnswer(code: Self.bareCode(code), message: message, status: response.status, requestID: requestID)
    }

    /// `aws.protocoltests#Code:http://…` → `Code`.
    static func bareCode(_ code: String) -> String {
        var bare = Substring(code)
        if let colon = bare.firstIndex(of: ":") { bare = bare[..<colon] }
        if let hash = bare.lastIndex(of: "#") { bare = bare[bare.index(after: hash)...] }
        return String(bare)
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }
}
