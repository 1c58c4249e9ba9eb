@testable import CEL

/// Helpers shared by the runtime tests (namespaced so other CEL test files can't collide).
enum RuntimeProbe {
    /// Parses, compiles (declaring every binding as `dyn`) and evaluates `source`.
    static func evaluate(
        _ source: String, _ bindings: [String: CELValue] = [:], library: FunctionLibrary = .standard,
        limits: CELLimits = .default
    ) throws -> Result<CELValue, CELEvaluationError> {
        let environment = CELEnvironment(variables: bindings.mapValues { _ in .dyn }, library: library, limits: limits)
        let program = try Program(try Parser().parse(source), environment: environment)
        return program.evaluate(Activation(bindings))
    }

    /// The value of `source`, or nil if it failed.
    static func value(_ source: String, _ bindings: [String: CELValue] = [:]) throws -> CELValue? {
        try? evaluate(source, bindings).get()
    }

    /// The evaluation error of `source`, or nil if it succeeded.
    static func error(_ source: String, _ bindings: [String: CELValue] = [:], limits: CELLimits = .default)
        throws -> CELEvaluationError?
    {
        if case let .failure(error) = try evaluate(source, bindings, limits: limits) { return error }
        return nil
    }

    static let bucket: CELValue = .map(CELMap([
        "name": "logs", "encryption": .map(CELMap(["enabled": false])), "tags": .map(CELMap([:])),
    ]))
}
