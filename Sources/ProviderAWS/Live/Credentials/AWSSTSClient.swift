import Foundation
import HTTP

/// Signs a request in place for a region and service (SigV4); injected so that this folder
/// does not depend on the signer's implementation.
public typealias AWSRequestSigning = @Sendable (inout HTTPRequest, AWSCredentials, _ region: String, _ service: String) throws -> Void

/// The STS base URL (`https://sts.us-east-1.amazonaws.com`) for a region.
public typealias AWSSTSEndpoint = @Sendable (_ region: String) -> String

/// The two STS calls the credential chain makes, over the query protocol (form-encoded POST,
/// XML answer; botocore `data/sts/2011-06-15/service-2.json`).
public struct AWSSTSClient: Sendable {
    public let transport: any HTTPTransport
    public let sign: AWSRequestSigning
    public let endpoint: AWSSTSEndpoint
    public let region: String

    public init(transport: any HTTPTransport, sign: @escaping AWSRequestSigning, endpoint: @escaping AWSSTSEndpoint, region: String) {
        self.transport = transport
        self.sign = sign
        self.endpoint = endpoint
        self.region = region
    }

    /// `AssumeRole`, signed with `source`.
    func assumeRole(_ call: AssumeRoleCall, using source: AWSCredentials, context: String,
                    resultSource: String) async throws(AWSCredentialError) -> AWSCredentials {
        var parameters = [("Action", "AssumeRole"), ("Version", "2011-06-15"),
                          ("RoleArn", call.roleArn), ("RoleSessionName", call.sessionName)]
        if let externalId = call.externalId { parameters.append(("ExternalId", externalId)) }
        if let duration = call.durationSeconds { parameters.append(("DurationSeconds", String(duration))) }
        var request = makeRequest(parameters, label: "sts:AssumeRole \(region)")
        let sign = self.sign, region = self.region
        request.prepare = { request in try sign(&request, source, region, "sts") }
        return try await send(request, context: context, resultSource: resultSource)
    }

    /// `AssumeRoleWithWebIdentity`: unsigned, the token is the proof.
    func assumeRoleWithWebIdentity(roleArn: String, sessionName: String, token: String, context: String,
                                   resultSource: String) async throws(AWSCredentialError) -> AWSCredentials {
        let request = makeRequest([("Action", "AssumeRoleWithWebIdentity"), ("Version", "2011-06-15"),
                                   ("RoleArn", roleArn), ("RoleSessionName", sessionName), ("WebIdentityToken", token)],
                                  label: "sts:AssumeRoleWithWebIdentity \(region)")
        return try await send(request, context: context, resultSource: resultSource)
    }

    private func makeRequest(_ parameters: [(String, String)], label: String) -> HTTPRequest {
        let body = parameters.map { "\(FormEncoding.encode($0.0))=\(FormEncoding.encode($0.1))" }.joined(separator: "&")
        var base = endpoint(region)
        while base.hasSuffix("/") { base.removeLast() }
        return HTTPRequest(method: "POST", url: base + "/",
                           headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
                           body: Data(body.utf8), rateKey: "sts \(region)", label: label)
    }

    private func send(_ request: HTTPRequest, context: String, resultSource: String) async throws(AWSCredentialError) -> AWSCredentials {
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw AWSCredentialError(.retrievalFailed, context, error.description)
        }
        let answer = STSAnswer.parse(response.body)
        guard response.status == 200 else {
            let what = [answer.errorCode, answer.errorMessage].compactMap { $0 }.joined(separator: ": ")
            throw AWSCredentialError(.retrievalFailed, context,
                                     "\(request.label) answered HTTP \(response.status)" + (what.isEmpty ? "" : " \(what)"))
        }
        guard let accessKey = answer.accessKeyId, let secretKey = answer.secretAccessKey else {
            throw AWSCredentialError(.retrievalFailed, context, "\(request.label) answered without credentials")
        }
        guard let expirationText = answer.expiration, let expiration = AWSTimestamp.parse(expirationText) else {
            throw AWSCredentialError(.retrievalFailed, context, "\(request.label) answered without a valid Expiration")
        }
        return AWSCredentials(accessKeyId: accessKey, secretAccessKey: secretKey, sessionToken: answer.sessionToken,
                              expiration: expiration, source: resultSource)
    }
}

/// The parameters of one `AssumeRole` call.
struct AssumeRoleCall: Sendable, Equatable {
    var roleArn: String
    var sessionName: String
    var externalId: String?
    var durationSeconds: Int?
}

/// `application/x-www-form-urlencoded` as AWS query services read it: RFC 3986 unreserved
/// characters kept, everything else percent-encoded from UTF-8.
enum FormEncoding {
    static func encode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }
}
