import Foundation
import HTTP
import SourceText

/// Sends the collector's planned requests to AWS: builds each from botocore's model, picks the
/// endpoint (S3 per bucket and region, S3 Control per account), signs every attempt with
/// SigV4, follows pages and S3's region redirects, and turns the answer into the JSON the
/// AWS CLI prints — or into an error answer with the code and HTTP status.
struct AWSAPIPerformer: LiveCallPerformer {
    let transport: any HTTPTransport
    let credentials: AWSCachingCredentialProvider
    let endpoints: AWSEndpointResolver
    let model: AWSWireModel
    let decoder: AWSWireDecoder
    /// Pages followed at most per call: a service that keeps answering with a token must not
    /// keep the scan forever.
    var maxPages = 10_000

    init(transport: any HTTPTransport, credentials: AWSCachingCredentialProvider, endpoints: AWSEndpointResolver,
         model: AWSWireModel = .standard) {
        self.transport = transport
        self.credentials = credentials
        self.endpoints = endpoints
        self.model = model
        decoder = AWSWireDecoder(model: model)
    }

    func perform(_ request: LiveRequest) async -> LiveAnswer {
        guard let operation = operation(for: request.operation) else {
            return .error(code: "ModelMissing", message: "no API model for \(request.operation)", status: nil)
        }
        var parameters = request.parameters.mapValues(AWSParameter.scalar)
        var pages: [JSONValue] = []
        while true {
            let page: JSONValue
            switch await send(operation, parameters: parameters, region: request.region) {
            case let .failed(answer): return answer
            case let .page(value): page = value
            }
            pages.append(page)
            guard request.allPages, let paginator = operation.paginator, pages.count < maxPages,
                  let next = paginator.nextPageParameters(after: page, parameters: parameters) else { break }
            parameters = next
        }
        let document = pages.count == 1 ? pages[0] : (operation.paginator?.merge(pages) ?? pages[0])
        return .document(document.cliData())
    }

    private func operation(for live: LiveOperation) -> AWSOperation? {
        switch live {
        case let .call(call): model.operation(for: call)
        case .generateCredentialReport: model.operation(for: AWSAuxiliaryOperation.generateCredentialReport)
        case .describeRegions: model.operation(for: AWSAuxiliaryOperation.describeRegions)
        }
    }

    /// One page: request, endpoint, signature, send, decode; one S3 region redirect followed.
    private enum PageOutcome {
        case page(JSONValue)
        case failed(LiveAnswer)
    }

    private func send(_ operation: AWSOperation, parameters: [String: AWSParameter], region: String) async -> PageOutcome {
        var region = region
        var redirected = false
        var refreshed = false
        while true {
            let label = "\(operation.service):\(operation.name) \(region)"
            var request: HTTPRequest
            let signer: SigV4Signer
            switch prepare(operation, parameters: parameters, region: region, label: label) {
            case let .failed(answer): return .failed(answer)
            case let .prepared(prepared, preparedSigner): (request, signer) = (prepared, preparedSigner)
            }
            let key: AWSCredentials
            do {
                key = try await credentials.credentials()
            } catch {
                return .failed(.error(code: "CredentialsError", message: "\(error)", status: nil))
            }
            let material = SigningKeyMaterial(accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, sessionToken: key.sessionToken)
            request.prepare = { request in
                do { try signer.sign(&request, key: material, date: Date()) } catch { throw error }
            }
            let response: HTTPResponse
            do {
                response = try await transport.send(request)
            } catch {
                return .failed(Self.answer(for: error))
            }
            if (200..<300).contains(response.status) {
                switch decoder.decodeDocument(response, operation: operation) {
                case let .success(document): return .page(document)
                case let .failure(error): return .failed(.error(code: error.code, message: error.message, status: error.status))
                }
            }
            // S3 answers a request sent to the wrong region with 301/307 (or 400 for a bad
            // signing region) and names the right one in x-amz-bucket-region: follow it once.
            if operation.service == "s3", !redirected, let actual = response.header("x-amz-bucket-region"), actual != region,
               [301, 307, 400].contains(response.status) {
                region = actual
                redirected = true
                continue
            }
            guard let service = model.service(operation.service) else {
                return .failed(.error(code: "HTTP\(response.status)", message: "HTTP \(response.status)", status: response.status))
            }
            let error = decoder.decodeError(response, service: service)
            // Temporary credentials that expired mid-scan (a long scan, a short session): fetch
            // fresh ones once and resend, as the SDKs do.
            if !refreshed, Self.expiredCodes.contains(error.code) {
                refreshed = true
                await credentials.invalidate()
                continue
            }
            return .failed(.error(code: error.code, message: error.message, status: error.status))
        }
    }

    private enum Prepared {
        case prepared(HTTPRequest, SigV4Signer)
        case failed(LiveAnswer)
    }

    /// The HTTP request for one page, on the right endpoint, not yet signed.
    private func prepare(_ operation: AWSOperation, parameters: [String: AWSParameter], region: String, label: String) -> Prepared {
        let wire: AWSWireRequest
        let endpoint: AWSEndpoint
        do {
            wire = try model.request(for: operation, parameters: parameters)
        } catch {
            return .failed(.error(code: "InvalidRequest", message: error.description, status: nil))
        }
        do {
            endpoint = try self.endpoint(for: operation, wire: wire, parameters: parameters, region: region)
        } catch {
            return .failed(.error(code: "EndpointError", message: error.description, status: nil))
        }
        // The endpoint's base URL already addresses the bucket (path or virtual-hosted style);
        // bucket operations add only their query (`/my-bucket?acl`, `https://my-bucket.s3…/?acl`).
        var url: String
        if wire.bucket != nil {
            let relative = wire.bucketRelativePath ?? "/"
            url = relative == "/" ? endpoint.url() : endpoint.baseURL + relative
        } else {
            url = endpoint.baseURL + wire.path
        }
        let query = wire.encodedQuery
        if !query.isEmpty { url += "?" + query }
        // The model already writes S3 Control's x-amz-account-id; a second copy would be
        // joined into "id,id" and refused.
        var headers = wire.headers.map { HTTPHeader($0.name, $0.value) }
        for header in endpoint.headers where wire.header(header.name) == nil { headers.append(header) }
        let request = HTTPRequest(method: wire.method, url: url, headers: headers,
                                  body: wire.body, rateKey: "\(endpoint.signingName) \(region)", label: label)
        return .prepared(request, endpoint.signer())
    }

    private func endpoint(for operation: AWSOperation, wire: AWSWireRequest, parameters: [String: AWSParameter], region: String) throws(AWSEndpointError) -> AWSEndpoint {
        switch operation.service {
        case "s3":
            if let bucket = wire.bucket { return try endpoints.s3Endpoint(bucket: bucket, region: region) }
            return try endpoints.endpoint(for: .s3, region: region)
        case "s3control":
            guard case let .scalar(account)? = parameters["AccountId"] else { throw .invalidAccountId("") }
            return try endpoints.s3ControlEndpoint(accountId: account, region: region)
        case "iam": return try endpoints.endpoint(for: .iam, region: region)
        case "sts": return try endpoints.endpoint(for: .sts, region: region)
        case "cloudtrail": return try endpoints.endpoint(for: .cloudTrail, region: region)
        case "config": return try endpoints.endpoint(for: .config, region: region)
        case "kms": return try endpoints.endpoint(for: .kms, region: region)
        case "accessanalyzer": return try endpoints.endpoint(for: .accessAnalyzer, region: region)
        default: return try endpoints.endpoint(for: .ec2, region: region)
        }
    }

    static let expiredCodes: Set<String> = ["ExpiredToken", "ExpiredTokenException", "RequestExpired"]

    /// A request that got no answer, after retries: posture's own codes, HTTP-free.
    static func answer(for error: HTTPError) -> LiveAnswer {
        let code = switch error.kind {
        case .timeout: "RequestTimeout"
        case .tls: "TLSFailure"
        case .cancelled: "Cancelled"
        case .invalidRequest: "InvalidRequest"
        case .connection: "ConnectionFailure"
        }
        return .error(code: code, message: error.description, status: nil)
    }
}
