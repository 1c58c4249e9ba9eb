import Foundation
import Testing
@testable import CEL

/// The checker must accept every cel-spec conformance case that evaluates to a value:
/// rejecting one would stop a valid policy from loading.
struct CheckerConformanceTests {
    /// Cases the checker rejects, each with the reason (`file/section/name`).
    static let knownRejections: [String: String] = [:]

    /// Whole files outside posture's CEL subset.
    static let knownRejectedFiles: [String: String] = [
        "macros2": "two-variable macros (comprehensions v2) are not in the subset; they parse as unknown functions",
    ]

    static let casesPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/conformance/cel/cases.json").standardized.path

    struct Case {
        let id: String
        let file: String
        let expression: String
        let variables: [String: CELType]
    }

    /// Cases with a value to expect and no `disable_check`; nil when the file is absent.
    static func loadCases() throws -> [Case]? {
        guard let data = FileManager.default.contents(atPath: casesPath) else { return nil }
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return try array.compactMap { entry -> Case? in
            guard entry["disable_check"] as? Bool != true,
                  let expect = entry["expect"] as? [String: Any], expect["value"] != nil
            else { return nil }
            let id = ["file", "section", "name"].map { entry[$0] as? String ?? "?" }.joined(separator: "/")
            var variables: [String: CELType] = [:]
            if let typeEnv = entry["type_env"] as? [String: String] {
                for (name, text) in typeEnv {
                    guard let type = CELType(parsing: text) else {
                        Issue.record("\(id): cannot parse type '\(text)'")
                        return nil
                    }
                    variables[name] = type
                }
            } else if let bindings = entry["bindings"] as? [String: Any] {
                for name in bindings.keys { variables[name] = .dyn }
            }
            return Case(id: id, file: entry["file"] as? String ?? "", expression: try #require(entry["expr"] as? String), variables: variables)
        }
    }

    @Test("the checker accepts every conformance case that evaluates to a value")
    func acceptsConformanceCases() throws {
        guard let cases = try Self.loadCases() else {
            print("skipped: no conformance cases at \(Self.casesPath)")
            return
        }
        var accepted = 0, unparsed = 0, known = 0
        for testCase in cases {
            guard let parsed = try? Parser().parse(testCase.expression) else {
                unparsed += 1
                continue
            }
            let environment = CELEnvironment(variables: testCase.variables, library: .standard)
            do {
                _ = try Checker(environment: environment).check(parsed)
                accepted += 1
            } catch {
                if Self.knownRejections[testCase.id] != nil || Self.knownRejectedFiles[testCase.file] != nil {
                    known += 1
                } else {
                    Issue.record("\(testCase.id): `\(testCase.expression)` rejected: \(error)")
                }
            }
        }
        print("checker conformance: \(accepted) of \(cases.count) accepted, \(known) known rejections, \(unparsed) not parsed")
    }
}
