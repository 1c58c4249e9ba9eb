import CEL
import Foundation
import Model
import SourceText

/// A value bound to a variable for `posture eval`.
public typealias CELInput = CELValue

/// One-off evaluation of an expression over JSON input: `posture eval`.
public enum ExpressionEvaluation {
    public enum Failure: Error, Sendable {
        /// Parse or check errors, rendered with line, column and caret.
        case invalid(String)
        /// The expression is valid but failed on this input.
        case evaluation(String)
    }

    /// Reads the JSON object at `path` (`-` for standard input); none → no bindings.
    public struct InputError: Error, Sendable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    public static func readBindings(from path: String?) -> Result<[String: CELInput], InputError> {
        guard let path else { return .success([:]) }
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        let name = path == "-" ? "<stdin>" : path
        guard let data else { return .failure(InputError("\(name): cannot read file")) }
        guard let text = String(validating: data, as: UTF8.self) else { return .failure(InputError("\(name): input is not valid UTF-8")) }
        do {
            guard case let .map(map) = try JSONValueReader.read(text) else {
                return .failure(InputError("\(name): input must be a JSON object whose keys become variables"))
            }
            var bindings: [String: CELInput] = [:]
            for entry in map.entries { if case let .string(key) = entry.key { bindings[key] = entry.value } }
            return .success(bindings)
        } catch {
            return .failure(InputError("\(name):\(error.line):\(error.column): invalid JSON: \(error.message)"))
        }
    }

    /// Parses, checks and evaluates `source` with `bindings` as `dyn` variables (plus `now`),
    /// returning the result as JSON.
    public static func evaluate(_ source: String, bindings: [String: CELInput], now: Date, model: ModelCatalog) -> Result<String, Failure> {
        var variables = bindings
        if variables[PolicyEnvironment.nowVariable] == nil {
            variables[PolicyEnvironment.nowVariable] = .timestamp(CELTimestamp(date: now))
        }
        let environment = CELEnvironment(
            variables: variables.mapValues { _ in CELType.dyn }.merging([PolicyEnvironment.nowVariable: .timestamp]) { current, _ in current },
            library: PolicyEnvironment.library(for: model))
        let program: Program
        do {
            let parsed = try Parser(limits: environment.limits).parse(source)
            _ = try Checker(environment: environment).check(parsed)
            program = try Program(parsed, environment: environment)
        } catch {
            return .failure(.invalid(render(error, source: source)))
        }
        switch program.evaluate(Activation(variables)) {
        case let .success(value): return .success(CELValueFormatter.json(value))
        case let .failure(error): return .failure(.evaluation(error.description))
        }
    }

    private static func render(_ diagnostics: CELDiagnostics, source: String) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        return diagnostics.diagnostics.map { diagnostic in
            let line = diagnostic.position.line
            let text = line >= 1 && line <= lines.count ? String(lines[line - 1]) : nil
            return Diagnostic(code: diagnostic.code, message: diagnostic.message,
                              location: SourceLocation(file: "<expression>", line: line, column: diagnostic.position.column),
                              sourceLine: text).rendered
        }.joined(separator: "\n")
    }
}
