/// The slice of botocore's API models posture needs to speak to AWS: services, the shapes of
/// the operations' inputs and outputs, and the operations. The data is generated
/// (`AWSWireModel+Generated.swift`, by `scripts/generate-aws-wire-model.py`); this file holds
/// the types and the look-ups.
public struct AWSWireModel: Sendable {
    public let services: [AWSServiceModel]
    /// Indexed by the numbers member references carry.
    public let shapes: [AWSShape]
    public let operations: [AWSOperation]
    private let operationIndex: [String: Int]
    private let serviceIndex: [String: Int]

    init(services: [AWSServiceModel], shapes: [AWSShape], operations: [AWSOperation]) {
        self.services = services
        self.shapes = shapes
        self.operations = operations
        serviceIndex = Dictionary(services.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        operationIndex = Dictionary(operations.enumerated().map { ("\($1.service).\($1.name)", $0) },
                                    uniquingKeysWith: { first, _ in first })
    }

    /// The model generated from the installed botocore release.
    public static let standard = AWSWireModel.generated

    /// An operation by botocore service name (`s3control`, `accessanalyzer`) and API name.
    public func operation(service: String, name: String) -> AWSOperation? {
        operationIndex["\(service).\(name)"].map { operations[$0] }
    }

    public func service(_ name: String) -> AWSServiceModel? { serviceIndex[name].map { services[$0] } }

    public func shape(_ index: Int) -> AWSShape { shapes[index] }
}

/// The wire protocol a service speaks; it decides how requests are written and answers read.
public enum AWSWireProtocol: String, Sendable {
    case query, ec2, json, restJSON = "rest-json", restXML = "rest-xml"
}

public struct AWSServiceModel: Sendable {
    /// botocore's service name (`s3control`), which names the model folder.
    public let name: String
    public let wireProtocol: AWSWireProtocol
    public let apiVersion: String
    public let endpointPrefix: String
    /// The SigV4 service name (`s3` for S3 Control).
    public let signingName: String
    /// For the json protocol: `X-Amz-Target` is `<targetPrefix>.<Operation>`.
    public let targetPrefix: String?
    public let jsonVersion: String?
    public let serviceId: String

    init(_ name: String, _ wireProtocol: AWSWireProtocol, _ apiVersion: String, _ endpointPrefix: String,
         _ signingName: String, _ targetPrefix: String?, _ jsonVersion: String?, _ serviceId: String) {
        self.name = name
        self.wireProtocol = wireProtocol
        self.apiVersion = apiVersion
        self.endpointPrefix = endpointPrefix
        self.signingName = signingName
        self.targetPrefix = targetPrefix
        self.jsonVersion = jsonVersion
        self.serviceId = serviceId
    }
}

/// One shape of an API model.
public struct AWSShape: Sendable {
    public enum Kind: String, Sendable {
        case structure, list, map, string, boolean, integer, long, double, float, timestamp, blob
    }

    /// `service.ShapeName`, as in botocore.
    public let name: String
    public let kind: Kind
    /// Structure members, in model order (the order botocore, and so the CLI, writes them).
    public let members: [AWSMemberReference]
    /// The list member, or the map key.
    public let element: AWSMemberReference?
    /// The map value.
    public let value: AWSMemberReference?
    /// The member that is the whole HTTP body (rest protocols), e.g. GetBucketPolicy's `Policy`.
    public let payload: String?
    /// IAM's `policyDocumentType`: URL-encoded JSON that the CLI prints as a JSON object.
    public let policyDocument: Bool

    static func structure(_ name: String, _ members: [AWSMemberReference], payload: String? = nil) -> AWSShape {
        AWSShape(name: name, kind: .structure, members: members, element: nil, value: nil, payload: payload, policyDocument: false)
    }

    static func list(_ name: String, _ member: AWSMemberReference) -> AWSShape {
        AWSShape(name: name, kind: .list, members: [], element: member, value: nil, payload: nil, policyDocument: false)
    }

    static func map(_ name: String, key: AWSMemberReference, value: AWSMemberReference) -> AWSShape {
        AWSShape(name: name, kind: .map, members: [], element: key, value: value, payload: nil, policyDocument: false)
    }

    static func scalar(_ name: String, _ kind: Kind, policyDocument: Bool = false) -> AWSShape {
        AWSShape(name: name, kind: kind, members: [], element: nil, value: nil, payload: nil, policyDocument: policyDocument)
    }
}

/// A reference to a shape with the serialization traits botocore merges onto it: the member's
/// name in the CLI output, where it travels, and how XML names it.
public struct AWSMemberReference: Sendable {
    public enum Location: String, Sendable { case body, uri, querystring, header, headers, statusCode }

    /// The member name (the key in the CLI's JSON); `member`, `key`, `value` for list and map parts.
    public let name: String
    public let shape: Int
    /// The XML element, JSON key, query key, header or URI label on the wire, when not `name`.
    public let locationName: String?
    /// EC2's own query key for the member.
    public let queryName: String?
    public let location: Location
    public let flattened: Bool
    /// Carried as an XML attribute (S3's `xsi:type` on a grantee).
    public let xmlAttribute: Bool
    /// Fills a `{label}` of the operation's host prefix.
    public let hostLabel: Bool
    public let timestampFormat: String?

    init(_ name: String, _ shape: Int, locationName: String? = nil, queryName: String? = nil, location: Location = .body,
         flattened: Bool = false, xmlAttribute: Bool = false, hostLabel: Bool = false, timestampFormat: String? = nil) {
        self.name = name
        self.shape = shape
        self.locationName = locationName
        self.queryName = queryName
        self.location = location
        self.flattened = flattened
        self.xmlAttribute = xmlAttribute
        self.hostLabel = hostLabel
        self.timestampFormat = timestampFormat
    }

    /// The name on the wire.
    public var wireName: String { locationName ?? name }
}

/// How the CLI pages an operation (botocore's `paginators-1.json`).
public struct AWSPaginator: Sendable {
    public let inputToken: [String]
    public let outputToken: [String]
    public let resultKeys: [String]
    /// A boolean member that says whether more pages follow (`IsTruncated`); without one, a
    /// page with an output token has a next page.
    public let moreResults: String?
    public let limitKey: String?
    /// Members taken from the first page into the merged document (`Owner` of ListBuckets).
    public let nonAggregateKeys: [String]

    init(inputToken: [String], outputToken: [String], resultKeys: [String], moreResults: String? = nil,
         limitKey: String? = nil, nonAggregateKeys: [String] = []) {
        self.inputToken = inputToken
        self.outputToken = outputToken
        self.resultKeys = resultKeys
        self.moreResults = moreResults
        self.limitKey = limitKey
        self.nonAggregateKeys = nonAggregateKeys
    }
}

/// One API operation.
public struct AWSOperation: Sendable {
    /// botocore's service name.
    public let service: String
    public let name: String
    public let httpMethod: String
    /// `/{Bucket}?acl`: the path template and any fixed query.
    public let requestURI: String
    /// Shape indices into `AWSWireModel.shapes`.
    public let input: Int?
    public let output: Int?
    /// Query protocol: the element inside `<OpResponse>` that holds the output.
    public let resultWrapper: String?
    /// `{AccountId}.` for S3 Control: prepended to the endpoint's host.
    public let hostPrefix: String?
    public let paginator: AWSPaginator?

    init(_ service: String, _ name: String, _ httpMethod: String, _ requestURI: String, input: Int?, output: Int?,
         resultWrapper: String? = nil, hostPrefix: String? = nil, paginator: AWSPaginator? = nil) {
        self.service = service
        self.name = name
        self.httpMethod = httpMethod
        self.requestURI = requestURI
        self.input = input
        self.output = output
        self.resultWrapper = resultWrapper
        self.hostPrefix = hostPrefix
        self.paginator = paginator
    }
}
