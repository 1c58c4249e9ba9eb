import Foundation
import Testing
@testable import ProviderAWS

@Suite("AWS wire pagination")
struct WirePaginationTests {
    @Test("a recorded multi-page call: each next input is what the CLI sent, and the merge is what it printed")
    func pagedRecording() throws {
        let call = try #require(WireFixtures.shared.calls.first { $0.name == "iam/ListVirtualMFADevices-paged" })
        #expect(call.exchanges.count >= 3)
        let operation = try #require(WireFixtures.operation(call))
        let paginator = try #require(operation.paginator)
        let decoder = AWSWireDecoder()
        var parameters = WireFixtures.parameters(try WireFixtures.request(call.exchanges[0]).params)
        var pages: [AWSJSONValue] = []
        for (index, exchange) in call.exchanges.enumerated() {
            #expect(parameters == WireFixtures.parameters(try WireFixtures.request(exchange).params), "page \(index + 1)")
            let page = try decoder.decodeDocument(try WireFixtures.response(exchange), operation: operation).get()
            pages.append(page)
            let next = paginator.nextPageParameters(after: page, parameters: parameters)
            if index == call.exchanges.count - 1 {
                #expect(next == nil, "the last page must end the paging")
            } else {
                parameters = try #require(next)
            }
        }
        let merged = paginator.merge(pages)
        let expected = try FixtureJSON.parse(try WireFixtures.read(try #require(call.cli)))
        #expect(try FixtureJSON.parse(merged.cliData()) == expected)
        #expect(merged["Marker"] == nil && merged["IsTruncated"] == nil)
        if case let .array(devices)? = merged["VirtualMFADevices"] { #expect(devices.count == 9) } else { Issue.record("no devices") }
    }

    @Test("merge: result keys concatenated in page order, non-aggregate keys from the first page (null when absent)")
    func mergeRules() throws {
        let paginator = try #require(AWSWireModel.standard.operation(for: .listBuckets)?.paginator)
        let first = AWSJSONValue.object([AWSJSONMember("Buckets", .array([.string("a")])), AWSJSONMember("ContinuationToken", .string("t")),
                                         AWSJSONMember("Owner", .object([AWSJSONMember("ID", .string("o1"))]))])
        let second = AWSJSONValue.object([AWSJSONMember("Buckets", .array([.string("b"), .string("c")])),
                                          AWSJSONMember("Owner", .object([AWSJSONMember("ID", .string("o2"))]))])
        #expect(paginator.nextPageParameters(after: first, parameters: ["MaxBuckets": "1"]) == ["MaxBuckets": "1", "ContinuationToken": "t"])
        #expect(paginator.nextPageParameters(after: second, parameters: [:]) == nil)
        #expect(paginator.merge([first, second]) == .object([
            AWSJSONMember("Buckets", .array([.string("a"), .string("b"), .string("c")])),
            AWSJSONMember("Owner", .object([AWSJSONMember("ID", .string("o1"))])),
            AWSJSONMember("Prefix", .null),
        ]))
    }

    @Test("moreResults false ends paging even when a token is present")
    func moreResults() throws {
        let paginator = try #require(AWSWireModel.standard.operation(for: .listKeys)?.paginator)
        let last = AWSJSONValue.object([AWSJSONMember("NextMarker", .string("m")), AWSJSONMember("Truncated", .bool(false))])
        let more = AWSJSONValue.object([AWSJSONMember("NextMarker", .string("m")), AWSJSONMember("Truncated", .bool(true))])
        #expect(paginator.nextPageParameters(after: last, parameters: [:]) == nil)
        #expect(paginator.nextPageParameters(after: more, parameters: ["Limit": "5"]) == ["Limit": "5", "Marker": "m"])
    }
}
