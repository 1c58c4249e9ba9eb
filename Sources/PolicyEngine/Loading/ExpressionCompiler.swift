import CEL
import Model
import SourceText
import Yams

/// Parses and checks CEL expressions written in policy files, reporting problems at their place
/// in the YAML file (not just inside the expression). Named values (`variables:`) are expanded
/// before checking, so their uses are checked with the types they have.
struct ExpressionCompiler {
    let kind: ResourceKind
    let environment: CELEnvironment
    /// The policy's named values so far, expanded.
    var variables: [String: Expr] = [:]
    /// Named values whose expression did not compile.
    var failedVariables: Set<String> = []

    init(kind: ResourceKind, environment: CELEnvironment) {
        self.kind = kind
        self.environment = environment
    }

    /// Parses, expands and checks `source`, a substring of the scalar starting at `offset`.
    private func check(
        _ source: String, offset: Int, sourceMap: ScalarSourceMap, file: YAMLFile, what: String
    ) -> Result<(ParsedExpression, CheckedExpression), DiagnosticList> {
        func place(_ diagnostic: CELDiagnostic) -> Diagnostic {
            file.diagnostic(diagnostic.code, "in \(what): \(diagnostic.message)", at: sourceMap.location(ofOffset: offset + diagnostic.position.offset))
        }
        do {
            let parsed = try Parser(limits: environment.limits).parse(source)
            var inliner = VariableInliner(variables: variables, reserved: [kind.rawValue, PolicyEnvironment.nowVariable],
                                          failed: failedVariables, firstID: 0)
            let root = inliner.inline(parsed.root)
            if !inliner.diagnostics.isEmpty || inliner.usesFailed { return .failure(DiagnosticList(inliner.diagnostics.map(place))) }
            let expanded = ParsedExpression(source: source, root: root, maxID: inliner.nextID)
            return .success((expanded, try Checker(environment: environment).check(expanded)))
        } catch {
            return .failure(DiagnosticList(error.diagnostics.map(place)))
        }
    }

    /// Compiles `source`, a substring of the scalar starting at `offset` (0 for the whole value).
    func compile(
        _ source: String, offset: Int = 0, sourceMap: ScalarSourceMap, file: YAMLFile,
        expecting expected: CELType? = nil, what: String
    ) -> Result<CompiledExpression, DiagnosticList> {
        let start = sourceMap.location(ofOffset: offset)
        switch check(source, offset: offset, sourceMap: sourceMap, file: file, what: what) {
        case let .failure(diagnostics): return .failure(diagnostics)
        case let .success((parsed, checked)):
            if let expected, !Self.isAssignable(checked.resultType, to: expected) {
                return .failure(DiagnosticList([file.diagnostic(
                    "result-type", "\(what) must be a \(expected), but this expression is a \(checked.resultType)", at: start)]))
            }
            do {
                let program = try Program(parsed, environment: environment)
                return .success(CompiledExpression(source: source, program: program, location: start,
                                                   fields: FieldUse.fields(of: parsed.root, resource: kind.rawValue)))
            } catch {
                return .failure(DiagnosticList(error.diagnostics.map { diagnostic in
                    file.diagnostic(diagnostic.code, "in \(what): \(diagnostic.message)", at: sourceMap.location(ofOffset: offset + diagnostic.position.offset))
                }))
            }
        }
    }

    /// Adds the named value `name` (checked now, so a mistake in it is reported at its own
    /// place even when nothing uses it).
    mutating func define(_ name: String, _ source: String, sourceMap: ScalarSourceMap, file: YAMLFile) -> DiagnosticList? {
        switch check(source, offset: 0, sourceMap: sourceMap, file: file, what: "variables.\(name)") {
        case let .failure(diagnostics):
            failedVariables.insert(name)
            return diagnostics
        case let .success((parsed, _)):
            variables[name] = parsed.root
            return nil
        }
    }

    private static func isAssignable(_ actual: CELType, to expected: CELType) -> Bool {
        actual == expected || actual == .dyn
    }
}
