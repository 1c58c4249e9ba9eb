import Foundation
import Testing
@testable import ProviderAWS

/// Requests are written as botocore writes them for the same input (recorded from the CLI).
@Suite("AWS wire requests")
struct WireRequestTests {
    static var recordedExchanges: [String] {
        WireFixtures.shared.calls.filter { WireFixtures.operation($0) != nil }.flatMap(\.exchanges)
    }

    @Test("method, path, query, X-Amz-Target, Content-Type and body match botocore's", arguments: recordedExchanges)
    func matchesBotocore(exchange: String) throws {
        let call = try #require(WireFixtures.shared.calls.first { $0.exchanges.contains(exchange) })
        let operation = try #require(WireFixtures.operation(call))
        let recorded = try WireFixtures.request(exchange)
        let request = try AWSWireModel.standard.request(for: operation, parameters: WireFixtures.parameters(recorded.params))
        #expect(request.method == recorded.method)
        #expect(request.path == recorded.path)
        #expect(request.encodedQuery == recorded.query)
        #expect(request.header("X-Amz-Target") == recorded.target)
        #expect(request.header("Content-Type") == recorded.contentType)
        if recorded.contentType?.hasPrefix("application/x-amz-json") == true {
            // botocore writes members in the order it was given them: compare as JSON.
            #expect(try FixtureJSON.parse(request.body) == FixtureJSON.parse(Data(recorded.body.utf8)))
        } else {
            #expect(String(decoding: request.body, as: UTF8.self) == recorded.body)
        }
    }

    @Test("S3 requests say which bucket to put in the host and what path remains; S3 Control fills its host prefix")
    func addressing() throws {
        let model = AWSWireModel.standard
        let acl = try model.request(for: try #require(model.operation(for: .getBucketAcl)), parameters: ["Bucket": "my bucket+1"])
        #expect(acl.path == "/my%20bucket%2B1")
        #expect(acl.bucket == "my bucket+1" && acl.bucketRelativePath == "/")
        #expect(acl.encodedQuery == "acl")
        let list = try model.request(for: try #require(model.operation(for: .listBuckets)), parameters: ["MaxBuckets": "10", "ContinuationToken": "a/b="])
        #expect(list.path == "/" && list.bucket == nil && list.encodedQuery == "max-buckets=10&continuation-token=a%2Fb%3D")
        let block = try model.request(for: try #require(model.operation(for: .getAccountPublicAccessBlock)), parameters: ["AccountId": "123456789012"])
        #expect(block.hostPrefix == "123456789012." && block.header("x-amz-account-id") == "123456789012")
        let empty = try model.request(for: try #require(model.operation(for: .describeConfigurationRecorders)))
        #expect(String(decoding: empty.body, as: UTF8.self) == "{}")
        #expect(empty.header("X-Amz-Target") == "StarlingDoveService.DescribeConfigurationRecorders")
    }

    @Test("bad input is an error naming the parameter: unknown names, wrong types, missing labels")
    func badInput() throws {
        let model = AWSWireModel.standard
        let acl = try #require(model.operation(for: .getBucketAcl))
        #expect(throws: AWSWireRequestError(operation: "GetBucketAcl", parameter: "Bucket", reason: "required in the path")) {
            try model.request(for: acl)
        }
        #expect(throws: AWSWireRequestError.self) { try model.request(for: acl, parameters: ["Buckett": "x"]) }
        let regions = try #require(model.operation(for: .describeRegions))
        #expect(throws: AWSWireRequestError.self) { try model.request(for: regions, parameters: ["AllRegions": "yes"]) }
        let trails = try #require(model.operation(for: .describeTrails))
        #expect(throws: AWSWireRequestError.self) { try model.request(for: trails, parameters: ["includeShadowTrails": ["a"]]) }
    }
}
