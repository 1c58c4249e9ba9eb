/// Matches argument types against one overload's parameter types.
///
/// Type parameters (`A` in `list(A)`) are bound the first time they meet an argument
/// type and must fit that binding afterwards. `dyn` fits anything in either direction,
/// because its real type is only known at run time.
struct TypeUnifier {
    private(set) var bindings: [String: CELType] = [:]

    /// Whether `argument` can be passed where `parameter` is expected; binds type parameters.
    mutating func unify(parameter: CELType, argument: CELType) -> Bool {
        switch (parameter, argument) {
        case (.dyn, _), (_, .dyn), (_, .typeParam):
            // An unbound parameter that meets dyn becomes dyn, so the result is dyn too.
            if case let .typeParam(name) = parameter, bindings[name] == nil { bindings[name] = .dyn }
            return true
        case let (.typeParam(name), _):
            guard let bound = bindings[name] else {
                bindings[name] = argument
                return true
            }
            if bound == .dyn { return true }
            return unify(parameter: bound, argument: argument)
        case let (.list(p), .list(a)):
            return unify(parameter: p, argument: a)
        case let (.map(pk, pv), .map(ak, av)):
            return unify(parameter: pk, argument: ak) && unify(parameter: pv, argument: av)
        case let (.map(pk, pv), .object):
            // At run time an object is a map with string keys, so `size(o)`, `k in o`
            // and `o[k]` work; field values are of mixed types, hence dyn.
            return unify(parameter: pk, argument: .string) && unify(parameter: pv, argument: .dyn)
        case let (.object(p), .object(a)):
            return p.name == a.name
        default:
            return parameter == argument
        }
    }

    /// `type` with bound parameters replaced; parameters never bound become dyn.
    func substitute(_ type: CELType) -> CELType {
        switch type {
        case let .typeParam(name): bindings[name].map(substitute) ?? .dyn
        case let .list(element): .list(substitute(element))
        case let .map(key, value): .map(key: substitute(key), value: substitute(value))
        default: type
        }
    }
}

extension CELType {
    /// The most precise type both values fit: the type itself when equal, else dyn
    /// (element-wise for lists and maps, so `[[1], []]` stays `list(list(...))`).
    func joined(with other: CELType) -> CELType {
        if self == other { return self }
        switch (self, other) {
        case let (.list(a), .list(b)): return .list(a.joined(with: b))
        case let (.map(ak, av), .map(bk, bv)): return .map(key: ak.joined(with: bk), value: av.joined(with: bv))
        default: return .dyn
        }
    }

    /// Joins many types; an empty collection has element type dyn.
    static func join(_ types: [CELType]) -> CELType {
        guard let first = types.first else { return .dyn }
        return types.dropFirst().reduce(first) { $0.joined(with: $1) }
    }

    /// Whether a value of this type may be a bool at run time.
    var canBeBool: Bool { self == .bool || isDynamic }

    /// dyn, or an unresolved type parameter: the checker cannot tell its type.
    var isDynamic: Bool {
        switch self {
        case .dyn, .typeParam: true
        default: false
        }
    }

    var isNumeric: Bool { self == .int || self == .uint || self == .double }
}
