import CEL
import Model
import SourceText
import Yams

/// Parses and checks CEL expressions written in policy files, reporting problems at their place
/// in the YAML file (not just inside the expression).
struct ExpressionCompiler {
    let kind: ResourceKind
    let environment: CELEnvironment

    init(kind: ResourceKind) {
        self.kind = kind
        environment = PolicyEnvironment.environment(for: kind)
    }

    /// Compiles `source`, a substring of the scalar starting at `offset` (0 for the whole value).
    func compile(
        _ source: String, offset: Int = 0, sourceMap: ScalarSourceMap, file: YAMLFile,
        expecting expected: CELType? = nil, what: String
    ) -> Result<CompiledExpression, DiagnosticList> {
        let start = sourceMap.location(ofOffset: offset)
        do {
            let parsed = try Parser(limits: environment.limits).parse(source)
            let checked = try Checker(environment: environment).check(parsed)
            if let expected, !Self.isAssignable(checked.resultType, to: expected) {
                return .failure(DiagnosticList([file.diagnostic(
                    "result-type", "\(what) must be a \(expected), but this expression is a \(checked.resultType)", at: start)]))
            }
            let program = try Program(parsed, environment: environment)
            return .success(CompiledExpression(source: source, program: program, location: start))
        } catch {
            return .failure(DiagnosticList(error.diagnostics.map { diagnostic in
                let place = sourceMap.location(ofOffset: offset + diagnostic.position.offset)
                return file.diagnostic(diagnostic.code, "in \(what): \(diagnostic.message)", at: place)
            }))
        }
    }

    private static func isAssignable(_ actual: CELType, to expected: CELType) -> Bool {
        actual == expected || actual == .dyn
    }
}
