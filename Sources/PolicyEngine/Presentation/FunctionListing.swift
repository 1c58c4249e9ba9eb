import CEL

/// Documentation of callable functions (`posture policies functions`).
public enum FunctionListing {
    public static func text(_ declarations: [FunctionDecl]) -> String {
        declarations.sorted { $0.name < $1.name }.map { declaration in
            "\(declaration.name)\n    \(declaration.documentation)\n"
        }.joined(separator: "\n")
    }
}
