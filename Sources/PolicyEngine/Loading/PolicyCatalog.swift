import Model
import SourceText

/// A loaded policy pack: its policies and the responsibility map they refer to.
public struct PolicyCatalog: Sendable {
    public let policies: [Policy]
    /// The model the policies were checked against.
    public let model: ModelCatalog
    public let responsibility: ResponsibilityMap
    public let files: [String]
    /// Warnings (never errors: a catalog with errors does not load).
    public let diagnostics: DiagnosticList

    public func policy(id: String) -> Policy? { policies.first { $0.id == id } }

    /// Loads the responsibility map that goes with `paths` (see `PolicyLocator`) and every
    /// policy under `paths` — the built-in pack when `paths` is empty — checked against `model`
    /// (the loaded providers' kinds, sections and data sets). Fails with every problem found,
    /// in file order.
    public static func load(paths: [String], model: ModelCatalog) -> Result<PolicyCatalog, DiagnosticList> {
        var roots = paths
        if roots.isEmpty {
            guard let builtIn = PolicyLocator.builtInPolicies() else {
                return .failure(DiagnosticList([Diagnostic(
                    code: "not-found",
                    message: "cannot find the built-in policies; pass a policy folder or set \(PolicyLocator.environmentVariable)",
                    location: SourceLocation(file: "policies", line: 1, column: 1))]))
            }
            roots = [builtIn]
        }
        guard let mapPath = PolicyLocator.responsibilityMap(for: roots) else {
            return .failure(DiagnosticList([Diagnostic(
                code: "not-found", message: "no \(PolicyLoader.responsibilityFileName) found beside or above the policies",
                location: SourceLocation(file: roots[0], line: 1, column: 1))]))
        }
        let responsibility: ResponsibilityMap
        switch ResponsibilityMap.load(path: mapPath) {
        case let .success(map): responsibility = map
        case let .failure(diagnostics): return .failure(diagnostics)
        }
        let result = PolicyLoader(responsibility: responsibility, model: model).load(paths: roots)
        if result.diagnostics.errorCount > 0 { return .failure(result.diagnostics) }
        return .success(PolicyCatalog(policies: result.policies, model: model, responsibility: responsibility, files: result.files,
                                      diagnostics: result.diagnostics))
    }
}
