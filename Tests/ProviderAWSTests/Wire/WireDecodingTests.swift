import Foundation
import HTTP
import SourceText
import Testing
@testable import ProviderAWS

/// Every recorded answer decodes to exactly what botocore parsed and the CLI printed.
@Suite("AWS wire decoding")
struct WireDecodingTests {
    let decoder = AWSWireDecoder()

    static var successExchanges: [String] {
        WireFixtures.shared.calls.filter { $0.error == nil && $0.gzip != true }.flatMap(\.exchanges)
    }

    @Test("the fixtures hold every protocol and every operation posture calls")
    func fixturesCoverOperations() throws {
        let recorded = Set(WireFixtures.shared.calls.map { "\(WireFixtures.modelService($0.service)).\($0.operation)" })
        let model = AWSWireModel.standard
        for call in AWSCall.allCases where call != .listAnalyzers { // moto has no Access Analyzer: its error is recorded
            let operation = try #require(model.operation(for: call))
            #expect(recorded.contains("\(operation.service).\(operation.name)"), "no recording of \(call)")
        }
        #expect(Self.successExchanges.count > 40)
    }

    @Test("each page decodes to the document botocore parsed (with the CLI's scalar handling)",
          arguments: successExchanges)
    func pageMatchesBotocore(exchange: String) throws {
        let call = try #require(WireFixtures.shared.calls.first { $0.exchanges.contains(exchange) })
        let operation = try #require(WireFixtures.operation(call))
        let expected = try #require(try WireFixtures.expected(exchange))
        let decoded = decoder.decode(try WireFixtures.response(exchange), operation: operation)
        let data = try decoded.get()
        let actual = try FixtureJSON.parse(data)
        #expect(FixtureJSON.difference(expected, actual) == nil, "\(exchange): \(FixtureJSON.difference(expected, actual) ?? "")")
    }

    @Test("each call's pages merge to what the AWS CLI printed",
          arguments: WireFixtures.shared.calls.filter { $0.cli != nil }.map(\.name))
    func callMatchesCLI(name: String) throws {
        let call = try #require(WireFixtures.shared.calls.first { $0.name == name })
        let operation = try #require(WireFixtures.operation(call))
        var pages: [JSONValue] = []
        for exchange in call.exchanges {
            pages.append(try decoder.decodeDocument(try WireFixtures.response(exchange), operation: operation).get())
        }
        let document = operation.paginator.map { $0.merge(pages) } ?? pages.first ?? .object([])
        let expected = try FixtureJSON.parse(try WireFixtures.read(try #require(call.cli)))
        let actual = try FixtureJSON.parse(document.cliData())
        #expect(FixtureJSON.difference(expected, actual) == nil, "\(name): \(FixtureJSON.difference(expected, actual) ?? "")")
    }

    @Test("error answers give botocore's code and message, the status and the request id",
          arguments: WireFixtures.shared.calls.filter { $0.error != nil }.map(\.name))
    func errorMatchesBotocore(name: String) throws {
        let call = try #require(WireFixtures.shared.calls.first { $0.name == name })
        let expected = try #require(call.error)
        let service = try #require(AWSWireModel.standard.service(WireFixtures.modelService(call.service)))
        let exchange = try #require(call.exchanges.last)
        let response = try WireFixtures.response(exchange)
        let answer = decoder.decodeError(response, service: service)
        #expect(answer.code == expected.code)
        #expect(answer.status == expected.status)
        #expect(answer.message == AWSErrorAnswer.oneLine(expected.message ?? ""))
        #expect(!answer.message.contains("\n") && !answer.message.contains("<"))
        if let requestID = expected.requestId { #expect(answer.requestID == requestID) }
        // Through the operation entry point too, when the model has the operation.
        if let operation = WireFixtures.operation(call) {
            #expect(throws: AWSErrorAnswer.self) { try decoder.decode(response, operation: operation).get() }
        }
    }

    @Test("the protocols' error shapes without a recording: JSON __type with a namespace, rest-json header, S3 200 error, empty 5xx")
    func syntheticErrors() throws {
        let model = AWSWireModel.standard
        let kms = try #require(model.service("kms"))
        let json = decoder.decodeError(HTTPResponse(status: 400, headers: ["x-amzn-requestid": "r-1"],
                                                    body: Data(#"{"__type":"com.amazon.coral.service#ThrottlingException","Message":"Rate\nexceeded"}"#.utf8)),
                                       service: kms)
        #expect(json == AWSErrorAnswer(code: "ThrottlingException", message: "Rate exceeded", status: 400, requestID: "r-1"))
        #expect(json.isThrottling)
        let analyzer = try #require(model.service("accessanalyzer"))
        let rest = decoder.decodeError(HTTPResponse(status: 403, headers: ["x-amzn-errortype": "AccessDeniedException:http://internal.amazon.com/"],
                                                    body: Data(#"{"message":"User is not authorized"}"#.utf8)), service: analyzer)
        #expect(rest.code == "AccessDeniedException" && rest.message == "User is not authorized" && !rest.isThrottling)
        let s3 = try #require(model.operation(service: "s3", name: "GetBucketAcl"))
        let embedded = decoder.decode(HTTPResponse(status: 200, body: Data("<Error><Code>SlowDown</Code><Message>Reduce your rate</Message></Error>".utf8)),
                                      operation: s3)
        #expect(throws: AWSErrorAnswer(code: "SlowDown", message: "Reduce your rate", status: 500)) { try embedded.get() }
        let empty = decoder.decodeError(HTTPResponse(status: 503, headers: ["x-amz-request-id": "q"]), service: try #require(model.service("s3")))
        #expect(empty == AWSErrorAnswer(code: "503", message: "Service Unavailable", status: 503, requestID: "q"))
        let head = decoder.decodeError(HTTPResponse(status: 404), service: try #require(model.service("s3")))
        #expect(head.code == "404" && head.message == "Not Found")
    }

    @Test("a 2xx body that is not the operation's answer is a MalformedResponse error, not an empty document")
    func malformedAnswer() throws {
        let operation = try #require(AWSWireModel.standard.operation(service: "iam", name: "GetAccountSummary"))
        let result = decoder.decode(HTTPResponse(status: 200, body: Data("<GetAccountSummaryResponse><oops".utf8)), operation: operation)
        #expect(throws: AWSErrorAnswer.self) { try result.get() }
        if case let .failure(error) = result { #expect(error.code == AWSErrorAnswer.malformedResponseCode) }
        let integer = decoder.decode(HTTPResponse(status: 200, body: Data("""
            <GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap><entry><key>Users</key><value>many</value></entry>\
            </SummaryMap></GetAccountSummaryResult></GetAccountSummaryResponse>
            """.utf8)), operation: operation)
        #expect(throws: AWSErrorAnswer.self) { try integer.get() }
    }

    @Test("throttling codes are recognised, others are not")
    func throttling() {
        for code in ["Throttling", "ThrottlingException", "RequestLimitExceeded", "SlowDown", "RequestTimeout",
                     "TooManyRequestsException", "ProvisionedThroughputExceededException", "RequestThrottled"] {
            #expect(AWSErrorAnswer(code: code, message: "", status: 400).isThrottling, "\(code)")
        }
        for code in ["AccessDenied", "NoSuchEntity", "500", "InternalError"] {
            #expect(!AWSErrorAnswer(code: code, message: "", status: 400).isThrottling, "\(code)")
        }
    }

    @Test("the CLI's bytes: indent 4, non-ASCII as is, control characters escaped, a final newline")
    func cliBytes() throws {
        let value = JSONValue.object([JSONMember("Name", .string("café \"q\"\n\u{1}")), JSONMember("Empty", .array([])),
                                      JSONMember("Tags", .array([.object([JSONMember("n", .number("1"))])]))])
        let text = String(decoding: value.cliData(), as: UTF8.self)
        #expect(text == "{\n    \"Name\": \"café \\\"q\\\"\\n\\u0001\",\n    \"Empty\": [],\n    \"Tags\": [\n        {\n            \"n\": 1\n        }\n    ]\n}\n")
        #expect(try JSONValue.parse(value.cliData()) == value)
    }
}
