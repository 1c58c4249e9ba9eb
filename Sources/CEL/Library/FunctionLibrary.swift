/// One overload of a CEL function: its parameter types, result type and implementation.
///
/// For a member overload (`"abc".startsWith("a")`) the receiver is the first parameter.
/// The implementation receives fully evaluated arguments (functions are strict; the
/// logical operators, `? :` and the macros are not functions and are handled by the runtime).
public struct FunctionOverload: Sendable {
    public let id: String
    public let isMember: Bool
    public let parameters: [CELType]
    public let result: CELType
    public let implementation: @Sendable ([CELValue]) throws(CELEvaluationError) -> CELValue

    public init(
        id: String,
        isMember: Bool = false,
        parameters: [CELType],
        result: CELType,
        implementation: @escaping @Sendable ([CELValue]) throws(CELEvaluationError) -> CELValue
    ) {
        self.id = id
        self.isMember = isMember
        self.parameters = parameters
        self.result = result
        self.implementation = implementation
    }
}

/// A named function (possibly qualified, e.g. `iam.actionMatches`) with its overloads.
public struct FunctionDecl: Sendable {
    public let name: String
    public let overloads: [FunctionOverload]
    /// One-paragraph documentation shown by `posture policies functions` and in the README.
    public let documentation: String
    /// Checks arguments that are literals at check time (e.g. a `matches` pattern the regex
    /// engine cannot honour). Gets one entry per argument (receiver first for member calls),
    /// the literal or nil; returns the index of the bad argument and a message, or nil.
    public let validateLiterals: (@Sendable ([Literal?]) -> (argument: Int, message: String)?)?

    public init(
        name: String,
        documentation: String = "",
        overloads: [FunctionOverload],
        validateLiterals: (@Sendable ([Literal?]) -> (argument: Int, message: String)?)? = nil
    ) {
        self.name = name
        self.documentation = documentation
        self.overloads = overloads
        self.validateLiterals = validateLiterals
    }
}

/// The set of functions an environment offers. A value: build it, extend it, pass it in.
public struct FunctionLibrary: Sendable {
    public private(set) var functions: [String: FunctionDecl] = [:]

    public init(_ declarations: [FunctionDecl] = []) {
        for declaration in declarations { add(declaration) }
    }

    /// Adds a function, or more overloads to one already present.
    public mutating func add(_ declaration: FunctionDecl) {
        if let existing = functions[declaration.name] {
            functions[declaration.name] = FunctionDecl(
                name: declaration.name,
                documentation: existing.documentation.isEmpty ? declaration.documentation : existing.documentation,
                overloads: existing.overloads + declaration.overloads,
                validateLiterals: declaration.validateLiterals ?? existing.validateLiterals
            )
        } else {
            functions[declaration.name] = declaration
        }
    }

    public subscript(name: String) -> FunctionDecl? { functions[name] }
}
