import CEL
import Model

/// The CEL environment a policy's expressions are checked and run in.
///
/// A policy on resource kind `bucket` sees the variable `bucket` (typed by the model's schema,
/// so a misspelt field is a load error) and `now`, the scan time, as a timestamp.
public enum PolicyEnvironment {
    /// The variable holding the scan time.
    public static let nowVariable = "now"

    /// The library every policy may call: CEL's standard functions plus posture's domain functions.
    public static let library: FunctionLibrary = {
        var library = FunctionLibrary.standard
        for declaration in DomainFunctions.all { library.add(declaration) }
        return library
    }()

    private static let environments: [ResourceKind: CELEnvironment] = Dictionary(
        uniqueKeysWithValues: ResourceKind.allCases.map { kind in
            (kind, CELEnvironment(
                variables: [kind.rawValue: celType(of: .object(kind.schema)), nowVariable: .timestamp],
                library: library))
        })

    /// The environment for policies on `kind`.
    public static func environment(for kind: ResourceKind) -> CELEnvironment {
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
