import Foundation
import Testing
@testable import CEL

/// Every expression of the cel-spec conformance cases must parse, except those whose
/// expected error is a parse error (listed in `expectedParseFailures`).
@Suite("Parser conformance")
struct ParserConformanceTests {
    struct Case: Decodable {
        let file: String
        let section: String
        let name: String
        let expr: String
    }

    /// The package root, found from this file: …/Tests/CELTests/ThisFile.swift → up 3 levels.
    static let casesURL: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/conformance/cel/cases.json").standardizedFileURL

    static var casesPresent: Bool { FileManager.default.fileExists(atPath: casesURL.path) }

    /// Cases expected to fail parsing, by (file, section, name), each with its reason.
    /// The kept cases of `cases.json` contain no parse-error case: the ones cel-spec has
    /// (reserved identifiers, message construction) live in files the conversion left out
    /// (`parse`, `proto2`, `proto3`, …), so the list is empty.
    static let expectedParseFailures: [String: String] = [:]

    static func key(_ testCase: Case) -> String {
        "\(testCase.file)/\(testCase.section)/\(testCase.name)"
    }

    @Test("every conformance expression parses, apart from listed parse-error cases",
          .enabled(if: casesPresent, "../shared/conformance/cel/cases.json is absent"))
    func conformanceExpressionsParse() throws {
        let data = try Data(contentsOf: Self.casesURL)
        let cases = try JSONDecoder().decode([Case].self, from: data)
        let parser = Parser()
        var parsed = 0
        var rejectedAsExpected = 0
        for testCase in cases {
            let key = Self.key(testCase)
            do {
                let result = try parser.parse(testCase.expr)
                parsed += 1
                #expect(Self.expectedParseFailures[key] == nil, "\(key) parsed but is listed as a parse failure")
                #expect(ParseProbe.idsAreDense(result), "\(key): ids are not 1...maxID")
            } catch {
                if Self.expectedParseFailures[key] != nil {
                    rejectedAsExpected += 1
                } else {
                    Issue.record("\(key): \(testCase.expr) failed to parse: \(error)")
                }
            }
        }
        print("CEL conformance: \(parsed) of \(cases.count) expressions parsed; \(rejectedAsExpected) rejected as expected")
        #expect(cases.count > 0)
    }
}
