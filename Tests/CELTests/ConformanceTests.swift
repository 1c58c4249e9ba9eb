import Foundation
import Testing
@testable import CEL

/// Runs the cel-spec "simple" conformance cases in ../shared/conformance/cel/cases.json.
@Suite("CEL conformance")
struct ConformanceTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let casesURL = packageRoot.appendingPathComponent("../shared/conformance/cel/cases.json")
    static let skipsURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("conformance-skips.txt")

    enum Outcome { case passed, failed(String) }
    struct Failure: Error { let message: String }

    /// Parses, plans and evaluates one case; any parse, plan or evaluation error counts as an error.
    static func run(_ testCase: ConformanceCase) -> Outcome {
        let result: Result<CELValue, Failure>
        do {
            let parsed = try Parser().parse(testCase.expr)
            let bindings = try testCase.bindings.mapValues { try $0.celValue() }
            let environment = CELEnvironment(variables: bindings.mapValues { _ in .dyn }, library: .standard)
            let program = try Program(parsed, environment: environment)
            result = program.evaluate(Activation(bindings)).mapError { Failure(message: $0.description) }
        } catch {
            result = .failure(Failure(message: "\(error)"))
        }
        guard case let .object(expect) = testCase.expect else { return .failed("bad expectation") }
        if case .bool(true)? = expect["error"] {
            if case let .success(value) = result { return .failed("expected an error, got \(value)") }
            return .passed
        }
        guard let expected = try? expect["value"]?.celValue() else { return .failed("undecodable expectation") }
        switch result {
        case let .success(value):
            return structurallyEqual(value, expected) ? .passed : .failed("expected \(expected), got \(value)")
        case let .failure(failure):
            return .failed("expected \(expected), got error \(failure.message)")
        }
    }

    struct SkipList {
        var cases: [String: String] = [:]
        var features: [String: String] = [:]

        init(_ text: String) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                let reason = parts.count == 2 ? parts[1] : ""
                if parts[0].hasPrefix("requires:") {
                    features[String(parts[0].dropFirst("requires:".count))] = reason
                } else {
                    cases[parts[0]] = reason
                }
            }
        }

        func reason(for testCase: ConformanceCase) -> String? {
            if let reason = cases[testCase.id] { return reason }
            return testCase.requires.lazy.compactMap { features[$0] }.first
        }
    }

    @Test("every conformance case outside the skip list passes")
    func conformance() throws {
        guard let data = try? Data(contentsOf: Self.casesURL) else {
            print("CEL conformance: skipped, \(Self.casesURL.standardized.path) not found")
            return
        }
        let cases = try JSONDecoder().decode([ConformanceCase].self, from: data)
        let skips = SkipList((try? String(contentsOf: Self.skipsURL, encoding: .utf8)) ?? "")
        #expect(skips.cases.values.allSatisfy { !$0.isEmpty } && skips.features.values.allSatisfy { !$0.isEmpty },
                "every skip needs a reason")
        var passed = 0, skipped = 0, failures: [String] = [], nowPassing: [String] = []
        for testCase in cases {
            let outcome = Self.run(testCase)
            if skips.reason(for: testCase) != nil {
                skipped += 1
                if case .passed = outcome, skips.cases[testCase.id] != nil { nowPassing.append(testCase.id) }
                continue
            }
            switch outcome {
            case .passed: passed += 1
            case let .failed(message): failures.append("\(testCase.id): \(testCase.expr) — \(message)")
            }
        }
        print("CEL conformance: \(passed) passed, \(skipped) skipped, \(failures.count) failed of \(cases.count)")
        for failure in failures { print("  FAIL \(failure)") }
        for id in nowPassing { print("  skip-listed case now passes: \(id)") }
        #expect(failures.isEmpty, "\(failures.count) conformance cases failed")
        #expect(nowPassing.isEmpty, "skip-listed cases now pass; remove them: \(nowPassing)")
    }
}
