/// A CEL map. Keys are bool, int, uint or string values.
///
/// String keys live in a dictionary keyed by `FieldKey` (a string with a precomputed hash)
/// so that field selection (`resource.field`, the hot path of every policy) is one cheap lookup. Other keys are
/// indexed by a normalised numeric key, so `{1u: 'a'}[1]` and `{1: 'a'}[1.0]` find the entry
/// as CEL's numeric key equivalence requires. The storage is one shared reference, which keeps
/// `CELValue` small and makes copying a map free.
public struct CELMap: Sendable {
    private let storage: Storage

    /// Creates a map from key/value pairs in order. A repeated key keeps its last value;
    /// use `CELMap.literal(_:)` to get CEL's "repeated key" error instead.
    public init(entries: [(key: CELValue, value: CELValue)]) {
        var builder = Builder()
        for entry in entries { _ = builder.insert(entry.key, entry.value, replacing: true) }
        storage = builder.finish()
    }

    /// Creates a map with string keys (how resources are represented).
    public init(_ stringKeyed: [String: CELValue]) {
        var strings: [FieldKey: CELValue] = [:]
        strings.reserveCapacity(stringKeyed.count)
        for (key, value) in stringKeyed { strings[FieldKey(key)] = value }
        storage = Storage(strings: strings, others: [:], order: nil)
    }

    /// Creates a map from string-keyed fields, without an intermediate dictionary: the fast
    /// path for turning records into values. A repeated name keeps its last value.
    public init(fields: [(String, CELValue)]) {
        var strings: [FieldKey: CELValue] = [:]
        strings.reserveCapacity(fields.count)
        for (key, value) in fields { strings[FieldKey(key)] = value }
        storage = Storage(strings: strings, others: [:], order: nil)
    }

    /// Builds a map as a CEL map literal does: keys must be bool, int, uint or string, and
    /// a key may not repeat (numerically equal keys count as the same key).
    static func literal(_ entries: [(key: CELValue, value: CELValue)]) throws(CELEvaluationError) -> CELMap {
        var builder = Builder()
        for entry in entries {
            guard MapKey(entry.key) != nil || isStringKey(entry.key) else {
                throw CELEvaluationError("unsupported key type: \(entry.key.typeName)")
            }
            if !builder.insert(entry.key, entry.value, replacing: false) {
                throw CELEvaluationError("Failed with repeated key: \(entry.key)")
            }
        }
        return CELMap(storage: builder.finish())
    }

    private init(storage: Storage) { self.storage = storage }

    private static func isStringKey(_ key: CELValue) -> Bool {
        if case .string = key { return true }
        return false
    }

    /// Number of entries.
    public var count: Int { storage.strings.count + storage.others.count }

    /// Keys in insertion order (dictionary order for maps built from a `[String: CELValue]`).
    public var keys: [CELValue] {
        if let order = storage.order { return order }
        return storage.strings.keys.map { CELValue.string($0.string) }
    }

    /// The entries in key order.
    public var entries: [(key: CELValue, value: CELValue)] {
        keys.compactMap { key in self[key].map { (key: key, value: $0) } }
    }

    /// The value for a string key: field selection.
    public subscript(field: String) -> CELValue? { storage.strings[FieldKey(field)] }

    /// Field selection with a key hashed at compile time.
    @inline(__always)
    subscript(field: FieldKey) -> CELValue? { storage.strings[field] }

    /// The value for a key, with numeric equivalence across int, uint and double.
    public subscript(key: CELValue) -> CELValue? {
        if case let .string(string) = key { return storage.strings[FieldKey(string)] }
        guard let normalised = MapKey(key) else { return nil }
        return storage.others[normalised]?.value
    }

    /// Whether the key is present (numeric keys compare by value).
    public func contains(_ key: CELValue) -> Bool { self[key] != nil }
}

extension CELMap {
    /// A non-string key in normal form: integral numbers that fit in Int64 are `.int`
    /// whatever their CEL type, so equal numbers hash alike.
    fileprivate enum MapKey: Hashable {
        case bool(Bool)
        case int(Int64)
        case bigUInt(UInt64)

        init?(_ value: CELValue) {
            switch value {
            case let .bool(flag): self = .bool(flag)
            case let .int(number): self = .int(number)
            case let .uint(number):
                self = number <= UInt64(Int64.max) ? .int(Int64(number)) : .bigUInt(number)
            case let .double(number):
                guard let key = MapKey.integral(number) else { return nil }
                self = key
            default: return nil
            }
        }

        private static func integral(_ number: Double) -> MapKey? {
            guard number.rounded(.towardZero) == number else { return nil }
            if number >= -9_223_372_036_854_775_808.0, number < 9_223_372_036_854_775_808.0 {
                return .int(Int64(number))
            }
            if number >= 0, number < 18_446_744_073_709_551_616.0 { return .bigUInt(UInt64(number)) }
            return nil
        }
    }

    fileprivate final class Storage: Sendable {
        let strings: [FieldKey: CELValue]
        let others: [MapKey: (key: CELValue, value: CELValue)]
        /// Insertion order; nil when the map is exactly `strings` (iterate its keys).
        let order: [CELValue]?

        init(strings: [FieldKey: CELValue], others: [MapKey: (key: CELValue, value: CELValue)], order: [CELValue]?) {
            self.strings = strings
            self.others = others
            self.order = order
        }
    }

    private struct Builder {
        var strings: [FieldKey: CELValue] = [:]
        var others: [MapKey: (key: CELValue, value: CELValue)] = [:]
        var order: [CELValue] = []

        /// Returns false when the key was already present (and keeps the old value unless replacing).
        mutating func insert(_ key: CELValue, _ value: CELValue, replacing: Bool) -> Bool {
            if case let .string(string) = key {
                let field = FieldKey(string)
                if strings[field] != nil {
                    if replacing { strings[field] = value }
                    return false
                }
                strings[field] = value
            } else if let normalised = MapKey(key) {
                if others[normalised] != nil {
                    if replacing { others[normalised] = (key, value) }
                    return false
                }
                others[normalised] = (key, value)
            } else {
                return false
            }
            order.append(key)
            return true
        }

        func finish() -> Storage { Storage(strings: strings, others: others, order: order) }
    }
}
