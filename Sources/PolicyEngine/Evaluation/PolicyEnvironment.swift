import CEL
import Model

/// The CEL environments a policy's expressions are checked and run in, built from the model
/// catalogue of the loaded providers.
///
/// A policy on resource kind `bucket` sees the variable `bucket` (typed by the catalogue's
/// schema of the kind, its provider sections included, so a misspelt field is a load error)
/// and `now`, the scan time, as a timestamp.
public struct PolicyEnvironment: Sendable {
    /// The variable holding the scan time.
    public static let nowVariable = "now"
    /// The name under which a policy's named values are used: `variables.paths`.
    public static let variablesVariable = "variables"

    /// CEL's standard functions plus posture's provider-neutral ones, and those of every
    /// registered provider: what policies, and `posture eval`, may call.
    public static func library(for model: ModelCatalog) -> FunctionLibrary {
        var library = FunctionLibrary.standard
        for declaration in DomainFunctions.all + model.extensions.flatMap(\.functions) { library.add(declaration) }
        return library
    }

    /// The functions beyond CEL's standard library, for `posture policies functions`.
    public static func domainFunctions(for model: ModelCatalog) -> [FunctionDecl] {
        DomainFunctions.all + model.extensions.flatMap(\.functions)
    }

    public let model: ModelCatalog
    public let library: FunctionLibrary
    private let environments: [ResourceKind: CELEnvironment]

    public init(model: ModelCatalog) {
        self.model = model
        let library = Self.library(for: model)
        self.library = library
        environments = Dictionary(uniqueKeysWithValues: model.kinds.compactMap { descriptor in
            model.schema(descriptor.kind).map { schema in
                (descriptor.kind, CELEnvironment(
                    variables: [descriptor.kind.rawValue: Self.celType(of: .object(schema)), Self.nowVariable: .timestamp],
                    library: library))
            }
        })
    }

    /// The environment for policies on `kind`.
    public func environment(for kind: ResourceKind) -> CELEnvironment {
        environments[kind] ?? CELEnvironment(library: library)
    }

    /// The CEL type of a model field type.
    public static func celType(of type: FieldType) -> CELType {
        switch type {
        case .string, .enumeration: .string
        case .int: .int
        case .double: .double
        case .bool: .bool
        case .timestamp: .timestamp
        case let .list(element): .list(celType(of: element))
        case let .map(value): .map(key: .string, value: celType(of: value))
        case let .object(schema):
            .object(ObjectType(
                name: schema.name,
                fields: Dictionary(uniqueKeysWithValues: schema.fields.map { ($0.name, celType(of: $0.type)) })))
        }
    }
}
