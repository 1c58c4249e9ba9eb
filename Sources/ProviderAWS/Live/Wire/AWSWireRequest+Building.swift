import Foundation
import SourceText

extension AWSWireModel {
    /// Writes a request for `operation` with `parameters` (by member name: `Bucket`, `Name`,
    /// `KeyId`, `Marker`, `trailNameList`, …) the way botocore serialises it.
    /// - Throws: `AWSWireRequestError` for a parameter the operation does not take, a value that
    ///   does not fit the member's type, or a missing URI or host label.
    public func request(for operation: AWSOperation, parameters: [String: AWSParameter] = [:]) throws(AWSWireRequestError) -> AWSWireRequest {
        guard let service = service(operation.service) else {
            throw AWSWireRequestError(operation: operation.name, parameter: "", reason: "no model for service \(operation.service)")
        }
        let members = operation.input.map { shape($0).members } ?? []
        for name in parameters.keys.sorted() where !members.contains(where: { $0.name == name }) {
            throw AWSWireRequestError(operation: operation.name, parameter: name, reason: "not an input of the operation")
        }
        // Members in model order: botocore follows the order it is given, which for the CLI is the
        // model's, with the paginator's token added last from the second page on.
        let tokens = Set(operation.paginator?.inputToken ?? [])
        let ordered = members.filter { !tokens.contains($0.name) } + members.filter { tokens.contains($0.name) }
        let given = ordered.compactMap { member in parameters[member.name].map { (member, $0) } }
        var request: AWSWireRequest
        switch service.wireProtocol {
        case .query, .ec2:
            request = try formRequest(operation, service: service, given: given)
        case .json:
            request = AWSWireRequest(method: operation.httpMethod, path: "/", queryItems: [], headers: [
                ("X-Amz-Target", "\(service.targetPrefix ?? "").\(operation.name)"),
                ("Content-Type", "application/x-amz-json-\(service.jsonVersion ?? "1.0")"),
            ], body: try jsonBody(operation, given: given))
        case .restXML, .restJSON:
            request = try restRequest(operation, given: given)
        }
        request.hostPrefix = try hostPrefix(operation, given: given)
        return request
    }

    private func formRequest(_ operation: AWSOperation, service: AWSServiceModel,
                             given: [(AWSMemberReference, AWSParameter)]) throws(AWSWireRequestError) -> AWSWireRequest {
        var pairs = [("Action", operation.name), ("Version", service.apiVersion)]
        let ec2 = service.wireProtocol == .ec2
        for (member, value) in given {
            // EC2 names members by queryName or the capitalised locationName.
            let key = ec2 ? member.queryName ?? member.locationName.map(Self.capitalized) ?? member.name : member.wireName
            let memberShape = shape(member.shape)
            switch (memberShape.kind, value) {
            case let (.list, .list(items)):
                guard let element = memberShape.element else { continue }
                if items.isEmpty, !ec2 { pairs.append((key, "")) } // the query protocol sends an empty list
                let prefix = ec2 || member.flattened ? key : "\(key).\(element.locationName ?? "member")"
                for (index, item) in items.enumerated() {
                    pairs.append(("\(prefix).\(index + 1)", try scalarText(item, shape(element.shape), operation, member)))
                }
            case let (_, .scalar(text)):
                pairs.append((key, try scalarText(text, memberShape, operation, member)))
            default:
                throw AWSWireRequestError(operation: operation.name, parameter: member.name, reason: "expects a \(memberShape.kind.rawValue)")
            }
        }
        let body = pairs.map { "\(AWSWireRequest.percentEncode($0.0))=\(AWSWireRequest.percentEncode($0.1))" }.joined(separator: "&")
        return AWSWireRequest(method: "POST", path: "/", queryItems: [],
                              headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")], body: Data(body.utf8))
    }

    private static func capitalized(_ name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() }

    private func scalarText(_ text: String, _ shape: AWSShape, _ operation: AWSOperation,
                            _ member: AWSMemberReference) throws(AWSWireRequestError) -> String {
        switch shape.kind {
        case .boolean:
            guard text == "true" || text == "false" else {
                throw AWSWireRequestError(operation: operation.name, parameter: member.name, reason: "expects true or false")
            }
        case .integer, .long:
            guard Int(text) != nil else {
                throw AWSWireRequestError(operation: operation.name, parameter: member.name, reason: "expects an integer")
            }
        case .string, .timestamp, .blob, .double, .float:
            break
        case .structure, .list, .map:
            throw AWSWireRequestError(operation: operation.name, parameter: member.name, reason: "expects a \(shape.kind.rawValue)")
        }
        return text
    }

    private func jsonBody(_ operation: AWSOperation, given: [(AWSMemberReference, AWSParameter)]) throws(AWSWireRequestError) -> Data {
        var members: [JSONMember] = []
        for (member, value) in given where member.location == .body {
            let memberShape = shape(member.shape)
            switch (memberShape.kind, value) {
            case let (.list, .list(items)):
                guard let element = memberShape.element else { continue }
                var values: [JSONValue] = []
                for item in items { values.append(try jsonScalar(item, shape(element.shape), operation, member)) }
                members.append(JSONMember(member.wireName, .array(values)))
            case let (_, .scalar(text)):
                members.append(JSONMember(member.wireName, try jsonScalar(text, memberShape, operation, member)))
            default:
                throw AWSWireRequestError(operation: operation.name, parameter: member.name, reason: "expects a \(memberShape.kind.rawValue)")
            }
        }
        return JSONValue.object(members).pythonDumpsData()
    }

    private func jsonScalar(_ text: String, _ shape: AWSShape, _ operation: AWSOperation,
                            _ member: AWSMemberReference) throws(AWSWireRequestError) -> JSONValue {
        let checked = try scalarText(text, shape, operation, member)
        switch shape.kind {
        case .boolean: return .bool(checked == "true")
        case .integer, .long: return .number(checked)
        default: return .string(checked)
        }
    }

    private func restRequest(_ operation: AWSOperation, given: [(AWSMemberReference, AWSParameter)]) throws(AWSWireRequestError) -> AWSWireRequest {
        let parts = operation.requestURI.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var path = String(parts.first ?? "/")
        var queryItems: [(name: String, value: String?)] = []
        if parts.count > 1 {
            for item in parts[1].split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1)
                queryItems.append((String(pair[0]), pair.count > 1 ? String(pair[1]) : nil))
            }
        }
        var headers: [(name: String, value: String)] = []
        var bucket: String?
        var bucketRelativePath: String?
        for (member, value) in given {
            guard case let .scalar(text) = value else {
                throw AWSWireRequestError(operation: operation.name, parameter: member.name, reason: "expects a single value")
            }
            let checked = try scalarText(text, shape(member.shape), operation, member)
            switch member.location {
            case .uri:
                let greedy = "{\(member.wireName)+}"
                let label = "{\(member.wireName)}"
                if path.contains(greedy) {
                    path = path.replacingOccurrences(of: greedy, with: AWSWireRequest.percentEncode(checked, keepSlash: true))
                } else {
                    if operation.service == "s3", member.name == "Bucket", path.hasPrefix("/\(label)") { bucket = checked }
                    path = path.replacingOccurrences(of: label, with: AWSWireRequest.percentEncode(checked))
                }
            case .querystring: queryItems.append((member.wireName, checked))
            case .header: headers.append((member.wireName, checked))
            case .body, .headers, .statusCode: continue
            }
        }
        if let open = path.firstIndex(of: "{"), let close = path[open...].firstIndex(of: "}") {
            throw AWSWireRequestError(operation: operation.name, parameter: String(path[path.index(after: open)..<close]),
                                      reason: "required in the path")
        }
        if let bucket {
            // Virtual-hosted addressing moves the bucket into the host name; the rest stays.
            let rest = path.dropFirst(1 + AWSWireRequest.percentEncode(bucket).count)
            bucketRelativePath = rest.isEmpty ? "/" : String(rest)
        }
        return AWSWireRequest(method: operation.httpMethod, path: path, queryItems: queryItems, headers: headers, body: Data(),
                              bucket: bucket, bucketRelativePath: bucketRelativePath)
    }

    private func hostPrefix(_ operation: AWSOperation, given: [(AWSMemberReference, AWSParameter)]) throws(AWSWireRequestError) -> String? {
        guard var prefix = operation.hostPrefix else { return nil }
        for (member, value) in given where member.hostLabel {
            if case let .scalar(text) = value { prefix = prefix.replacingOccurrences(of: "{\(member.name)}", with: text) }
        }
        if let open = prefix.firstIndex(of: "{"), let close = prefix[open...].firstIndex(of: "}") {
            throw AWSWireRequestError(operation: operation.name, parameter: String(prefix[prefix.index(after: open)..<close]),
                                      reason: "required in the host name")
        }
        return prefix
    }
}

extension AWSWireRequest {
    init(method: String, path: String, queryItems: [(name: String, value: String?)], headers: [(name: String, value: String)], body: Data,
         bucket: String? = nil, bucketRelativePath: String? = nil) {
        self.method = method
        self.path = path
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
        self.bucket = bucket
        self.bucketRelativePath = bucketRelativePath
    }
}
