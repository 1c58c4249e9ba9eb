import Foundation
import HTTP
import PostureTesting
@testable import ProviderAWS
import ProviderKit

/// The recordings of `scripts/record-wire-fixtures.py`: calls made with the AWS CLI against
/// moto_server, each with its HTTP exchanges and what the CLI printed or the error it got.
struct WireFixtures: Sendable {
    struct Call: Decodable, Sendable {
        let name: String
        let service: String
        let operation: String
        let exchanges: [String]
        let cli: String?
        let error: ExpectedError?
        let gzip: Bool?
    }

    struct ExpectedError: Decodable, Sendable {
        let code: String?
        let message: String?
        let status: Int
        let requestId: String?
    }

    /// What botocore prepared for one exchange (only non-secret parts were recorded).
    struct RecordedRequest: Decodable, Sendable {
        let method: String
        let path: String
        let query: String
        let body: String
        let target: String?
        let contentType: String?
        let params: [String: FixtureJSON]
    }

    private struct Index: Decodable { let botocore: String; let calls: [Call] }

    static let folder = TestPaths.packageRoot().appendingPathComponent("Tests/ProviderAWSTests/Wire/Fixtures")
    static let shared: WireFixtures = {
        let data = (try? Data(contentsOf: folder.appendingPathComponent("index.json"))) ?? Data()
        let index = try? JSONDecoder().decode(Index.self, from: data)
        return WireFixtures(calls: index?.calls ?? [])
    }()

    let calls: [Call]

    /// Fixture folder names are the CLI's (`configservice`); the model's are botocore's.
    static func modelService(_ folder: String) -> String { folder == "configservice" ? "config" : folder }

    static func read(_ name: String) throws -> Data {
        let url = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: url.path) { return try Data(contentsOf: url) }
        return try Gzip.decompress(try Data(contentsOf: url.appendingPathExtension("gz")), limit: 1 << 28)
    }

    static func response(_ exchange: String) throws -> HTTPResponse {
        let status = Int(String(decoding: try read(exchange + ".status"), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        var headers: [String: String] = [:]
        for line in String(decoding: try read(exchange + ".headers"), as: UTF8.self).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPResponse(status: status, headers: headers, body: try read(exchange + ".body"))
    }

    static func request(_ exchange: String) throws -> RecordedRequest {
        try JSONDecoder().decode(RecordedRequest.self, from: try read(exchange + ".request.json"))
    }

    static func expected(_ exchange: String) throws -> FixtureJSON? {
        let url = folder.appendingPathComponent(exchange + ".expected.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try JSONDecoder().decode(FixtureJSON.self, from: Data(contentsOf: url))
    }

    static func operation(_ call: Call) -> AWSOperation? {
        AWSWireModel.standard.operation(service: modelService(call.service), name: call.operation)
    }

    /// A recorded input as the wire layer's parameters (booleans and numbers as their text).
    static func parameters(_ params: [String: FixtureJSON]) -> [String: AWSParameter] {
        params.compactMapValues { value in
            switch value {
            case let .array(items): .list(items.compactMap(\.scalarText))
            default: value.scalarText.map(AWSParameter.scalar)
            }
        }
    }
}

/// JSON as the tests compare it: numbers as numbers, objects order-insensitive, booleans apart
/// from numbers. Decoded with Foundation, independently of the wire layer's own JSON reader.
enum FixtureJSON: Decodable, Equatable, Sendable, CustomStringConvertible {
    case null, bool(Bool), number(Double), string(String), array([FixtureJSON]), object([String: FixtureJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else if let items = try? container.decode([FixtureJSON].self) { self = .array(items) }
        else { self = .object(try container.decode([String: FixtureJSON].self)) }
    }

    static func parse(_ data: Data) throws -> FixtureJSON { try JSONDecoder().decode(FixtureJSON.self, from: data) }

    var scalarText: String? {
        switch self {
        case let .bool(flag): flag ? "true" : "false"
        case let .number(number): number == number.rounded() ? String(Int(number)) : String(number)
        case let .string(text): text
        default: nil
        }
    }

    subscript(key: String) -> FixtureJSON? {
        if case let .object(members) = self { return members[key] }
        return nil
    }

    var description: String {
        switch self {
        case .null: "null"
        case let .bool(flag): "\(flag)"
        case let .number(number): "\(number)"
        case let .string(text): "\"\(text)\""
        case let .array(items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case let .object(members): "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// The first place where two documents differ, as a path (`$.Buckets[2].Name`), or nil.
    static func difference(_ lhs: FixtureJSON, _ rhs: FixtureJSON, path: String = "$") -> String? {
        switch (lhs, rhs) {
        case let (.object(a), .object(b)):
            for key in Set(a.keys).union(b.keys).sorted() {
                guard let left = a[key], let right = b[key] else {
                    return "\(path).\(key): only in \(a[key] == nil ? "expected" : "decoded")"
                }
                if let found = difference(left, right, path: "\(path).\(key)") { return found }
            }
            return nil
        case let (.array(a), .array(b)):
            guard a.count == b.count else { return "\(path): \(a.count) items vs \(b.count)" }
            for (index, pair) in zip(a, b).enumerated() {
                if let found = difference(pair.0, pair.1, path: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return lhs == rhs ? nil : "\(path): \(String(describing: lhs).prefix(200)) vs \(String(describing: rhs).prefix(200))"
        }
    }
}
