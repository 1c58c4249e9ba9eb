import Foundation
import SourceText
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
        var pages: [JSONValue] = []
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
        let first = JSONValue.object([JSONMember("Buckets", .array([.string("a")])), JSONMember("ContinuationToken", .string("t")),
                                      JSONMember("Owner", .object([JSONMember("ID", .string("o1"))]))])
        let second = JSONValue.object([JSONMember("Buckets", .array([.string("b"), .string("c")])),
                                       JSONMember("Owner", .object([JSONMember("ID", .string("o2"))]))])
        #expect(paginator.nextPageParameters(after: first, parameters: ["MaxBuckets": "1"]) == ["MaxBuckets": "1", "ContinuationToken": "t"])
        #expect(paginator.nextPageParameters(after: second, parameters: [:]) == nil)
        #expect(paginator.merge([first, second]) == .object([
            JSONMember("Buckets", .array([.string("a"), .string("b"), .string("c")])),
            JSONMember("Owner", .object([JSONMember("ID", .string("o1"))])),
            JSONMember("Prefix", .null),
        ]))
    }

    @Test("moreResults false ends paging even when a token is present")
    func moreResults() throws {
        let paginator = try #require(AWSWireModel.standard.operation(for: .listKeys)?.paginator)
        let last = JSONValue.object([JSONMember("NextMarker", .string("m")), JSONMember("Truncated", .bool(false))])
        let more = JSONValue.object([JSONMember("NextMarker", .string("m")), JSONMember("Truncated", .bool(true))])
        #expect(paginator.nextPageParameters(after: last, parameters: [:]) == nil)
        #expect(paginator.nextPageParameters(after: more, parameters: ["Limit": "5"]) == ["Limit": "5", "Marker": "m"])
    }
}
