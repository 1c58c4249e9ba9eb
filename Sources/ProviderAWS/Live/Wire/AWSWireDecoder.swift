import Foundation
import HTTP
import SourceText

/// Turns an HTTP answer into what `aws <service> <command> --output json` (AWS CLI v1) prints
/// for it, or into the error the call answered with. The CLI prints wire timestamps and blobs
/// as they came, integers as integers, booleans as booleans, IAM policy documents as JSON
/// objects; members absent on the wire are absent in the document.
public struct AWSWireDecoder: Sendable {
    public let model: AWSWireModel

    public init(model: AWSWireModel = .standard) { self.model = model }

    /// One page's document as the CLI's JSON bytes.
    /// - Returns: the JSON, or the error answer (also for a body that is not the operation's output).
    public func decode(_ response: HTTPResponse, operation: AWSOperation) -> Result<Data, AWSErrorAnswer> {
        decodeDocument(response, operation: operation).map { $0.cliData() }
    }

    /// One page's document as a value (for pagination, before the pages are merged).
    public func decodeDocument(_ response: HTTPResponse, operation: AWSOperation) -> Result<JSONValue, AWSErrorAnswer> {
        guard let service = model.service(operation.service) else {
            return .failure(AWSErrorAnswer(code: AWSErrorAnswer.malformedResponseCode,
                                           message: "no model for service \(operation.service)", status: response.status))
        }
        if response.status >= 301 { return .failure(decodeError(response, service: service)) }
        do throws(WireDecodingError) {
            switch service.wireProtocol {
            case .query, .ec2:
                let root = try xmlRoot(response.body)
                return .success(try decodeQuery(root: root, operation: operation))
            case .restXML:
                return try decodeRestXML(response, operation: operation)
            case .json, .restJSON:
                return .success(try decodeJSONProtocol(response, operation: operation, rest: service.wireProtocol == .restJSON))
            }
        } catch {
            return .failure(AWSErrorAnswer(code: AWSErrorAnswer.malformedResponseCode,
                                           message: "\(operation.service):\(operation.name) answer: \(error.reason)",
                                           status: response.status, requestID: Self.requestID(response.headers)))
        }
    }

    func xmlRoot(_ body: Data) throws(WireDecodingError) -> WireXMLElement {
        do { return try XMLTreeReader.parse(body) } catch { throw WireDecodingError(reason: error.description) }
    }

    private func decodeQuery(root: WireXMLElement, operation: AWSOperation) throws(WireDecodingError) -> JSONValue {
        guard let output = operation.output else { return .object([]) }
        var start: WireXMLElement? = root
        if let wrapper = operation.resultWrapper { start = root.child(wrapper) }
        // An answer without its result element carries nothing (botocore would fail on it;
        // AWS sends the element even when empty).
        guard let start else { return .object([]) }
        return try xmlStructure(model.shape(output), node: start)
    }

    private func decodeRestXML(_ response: HTTPResponse, operation: AWSOperation) throws(WireDecodingError) -> Result<JSONValue, AWSErrorAnswer> {
        guard let outputIndex = operation.output else { return .success(.object([])) }
        let output = model.shape(outputIndex)
        // A string payload (GetBucketPolicy's JSON) is the body itself, not XML.
        let stringPayload = Self.hasStreamingPayload(output, model: model)
        let root = response.body.isEmpty || stringPayload ? nil : try xmlRoot(response.body)
        // S3 can answer 200 with an error document (botocore's _handle_200_error).
        if let root, root.name == "Error", root.child("Code") != nil, let service = model.service(operation.service) {
            return .failure(decodeError(HTTPResponse(status: 500, headers: response.headers, body: response.body), service: service))
        }
        var members = try headerMembers(output, response: response)
        if let payload = output.payload, let reference = output.members.first(where: { $0.name == payload }) {
            let shape = model.shape(reference.shape)
            if shape.kind == .string || shape.kind == .blob {
                members.append(JSONMember(payload, .string(String(decoding: response.body, as: UTF8.self))))
            } else if let root {
                members.append(JSONMember(payload, try xmlValue(reference, nodes: [root])))
            } else {
                members.append(JSONMember(payload, .object([])))
            }
        } else if let root, case let .object(bodyMembers) = try xmlStructure(output, node: root) {
            members += bodyMembers
        }
        // GetBucketLocation cannot be modelled: botocore's parse_get_bucket_location handler
        // reads the root element's text, null for us-east-1 (an empty element).
        if operation.service == "s3", operation.name == "GetBucketLocation" {
            members.removeAll { $0.key == "LocationConstraint" }
            members.append(JSONMember("LocationConstraint", root?.text.map(JSONValue.string) ?? .null))
        }
        return .success(.object(members))
    }

    static func hasStreamingPayload(_ output: AWSShape, model: AWSWireModel) -> Bool {
        guard let payload = output.payload, let reference = output.members.first(where: { $0.name == payload }) else { return false }
        let kind = model.shape(reference.shape).kind
        return kind == .string || kind == .blob
    }

    /// Members the rest protocols carry in headers or the status line.
    func headerMembers(_ output: AWSShape, response: HTTPResponse) throws(WireDecodingError) -> [JSONMember] {
        var members: [JSONMember] = []
        for reference in output.members {
            switch reference.location {
            case .header:
                if let value = response.header(reference.wireName) {
                    members.append(JSONMember(reference.name, try scalar(model.shape(reference.shape), text: value)))
                }
            case .headers:
                let prefix = reference.wireName.lowercased()
                let fields = response.headers.filter { $0.key.hasPrefix(prefix) }.sorted { $0.key < $1.key }
                members.append(JSONMember(reference.name, .object(fields.map {
                    JSONMember(String($0.key.dropFirst(prefix.count)), .string($0.value))
                })))
            case .statusCode:
                members.append(JSONMember(reference.name, .number(String(response.status))))
            case .body, .uri, .querystring:
                continue
            }
        }
        return members
    }

    static func requestID(_ headers: [String: String]) -> String? {
        headers["x-amzn-requestid"] ?? headers["x-amz-request-id"]
    }
}

/// Why a successful answer did not read as the operation's output.
struct WireDecodingError: Error {
    let reason: String
}
