/// A CEL map. Keys are bool, int, uint or string values.
/// (Placeholder shape: the runtime owner refines storage and key equality.)
public struct CELMap: Sendable {
    public private(set) var entries: [(key: CELValue, value: CELValue)]

    public init(entries: [(key: CELValue, value: CELValue)]) { self.entries = entries }

    public init(_ stringKeyed: [String: CELValue]) {
        self.entries = stringKeyed.map { (key: CELValue.string($0.key), value: $0.value) }
    }
}
