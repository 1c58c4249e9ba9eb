import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ProviderAWS

/// moto's unfiltered GetAccountAuthorizationDetails: one 5 MB page with every AWS managed policy.
@Suite("AWS wire large page")
struct WireLargePageTests {
    static let exchange = "iam/GetAccountAuthorizationDetails-1"

    @Test("the 5 MB page decodes to what the CLI printed")
    func largePageMatchesCLI() throws {
        let call = try #require(WireFixtures.shared.calls.first { $0.name == "iam/GetAccountAuthorizationDetails-full" })
        let operation = try #require(WireFixtures.operation(call))
        let page = try AWSWireDecoder().decodeDocument(try WireFixtures.response(Self.exchange), operation: operation).get()
        let merged = try #require(operation.paginator).merge([page])
        let expected = try FixtureJSON.parse(try WireFixtures.read(try #require(call.cli)))
        let actual = try FixtureJSON.parse(merged.cliData())
        #expect(FixtureJSON.difference(expected, actual) == nil, "\(FixtureJSON.difference(expected, actual) ?? "")")
    }

    /// Prints the figures; asserts only that both readers see the same elements (timings on a
    /// shared machine are reported, not gated).
    @Test("hand-written XML reader against FoundationXML's XMLParser on the 5 MB page")
    func readerTimings() throws {
        let body = try WireFixtures.response(Self.exchange).body
        let clock = ContinuousClock()
        var handCount = 0
        var foundationCount = 0
        var hand: [Duration] = []
        var foundation: [Duration] = []
        for _ in 0..<2 {
            hand.append(try clock.measure { handCount = Self.count(try XMLTreeReader.parse(body)) })
            foundation.append(clock.measure { foundationCount = FoundationTreeBuilder.countElements(body) })
        }
        // Debug-build figures; release figures are in XMLTree.swift's comment.
        print("wire XML, \(body.count) bytes, \(handCount) elements: hand-written best \(hand.min() ?? .zero), "
            + "FoundationXML XMLParser best \(foundation.min() ?? .zero)")
        #expect(handCount == foundationCount && handCount > 10_000)
    }

    static func count(_ element: WireXMLElement) -> Int { 1 + element.children.reduce(0) { $0 + count($1) } }
}

/// The same tree (names, attributes, text) built with XMLParser, for the comparison.
private final class FoundationTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [WireXMLElement] = []
    private var text = ""
    var root: WireXMLElement?

    static func countElements(_ data: Data) -> Int {
        let builder = FoundationTreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else { return -1 }
        return WireLargePageTests.count(root)
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let element = WireXMLElement(name: elementName, attributes: attributes.map { ($0.key, $0.value) })
        if let parent = stack.last {
            if parent.children.isEmpty, !text.isEmpty { parent.text = text }
            parent.children.append(element)
        }
        text = ""
        stack.append(element)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if stack.last?.children.isEmpty == true { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = stack.popLast() else { return }
        if element.children.isEmpty, !text.isEmpty { element.text = text }
        text = ""
        if stack.isEmpty { root = element }
    }
}
