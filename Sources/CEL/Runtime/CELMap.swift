/// A CEL map. Keys are bool, int, uint or string values.
///
/// Most maps are records (a resource and its nested objects): a few string keys. Those keep
/// their entries in one array in insertion order and are searched linearly by precomputed
/// key hash, which beats hashing into a `Dictionary` at these sizes and costs one allocation
/// instead of two. Larger maps and maps with other keys index string keys by `FieldKey` and
/// other keys by a normalised numeric key, so `{1u: 'a'}[1]` and `{1: 'a'}[1.0]` find the
/// entry as CEL's numeric key equivalence requires. Either way the storage is one shared
/// reference, which keeps `CELValue` small and makes copying a map free.
public struct CELMap: Sendable {
    private let storage: Storage

    /// Creates a map from key/value pairs in order. A repeated key keeps its last value;
    /// use `CELMap.literal(_:)` to get CEL's "repeated key" error instead.
    public init(entries: [(key: CELValue, value: CELValue)]) {
        var fields = Fields(capacity: entries.count)
        var builder: Builder?
        for entry in entries {
            if builder == nil, case let .string(string) = entry.key {
                fields.append(FieldKey(string), entry.value)
                continue
            }
            if builder == nil { builder = Builder(fields) }
            _ = builder?.insert(entry.key, entry.value, replacing: true)
        }
        storage = builder.map { .general($0.finish()) } ?? Self.storage(for: fields)
    }

    /// Creates a map with string keys (how resources are represented).
    public init(_ stringKeyed: [String: CELValue]) {
        var fields = Fields(capacity: stringKeyed.count)
        for (key, value) in stringKeyed { fields.append(FieldKey(key), value) }
        storage = Self.storage(for: fields)
    }

    /// Creates a map from string-keyed fields, without an intermediate dictionary.
    /// A repeated name keeps its last value.
    public init(fields: [(String, CELValue)]) {
        var collected = Fields(capacity: fields.count)
        for (key, value) in fields { collected.append(FieldKey(key), value) }
        storage = Self.storage(for: collected)
    }

    /// Creates a map from fields collected with precomputed keys: the fast path for turning
    /// records into values (nothing is hashed, nothing copied).
    public init(_ fields: Fields) {
        storage = Self.storage(for: fields)
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

    private init(storage: General) { self.storage = .general(storage) }

    private static func isStringKey(_ key: CELValue) -> Bool {
        if case .string = key { return true }
        return false
    }

    /// Small string-keyed maps stay a plain array; beyond `linearLimit` entries a linear
    /// search loses to hashing, so they get a dictionary index.
    private static func storage(for fields: Fields) -> Storage {
        if fields.entries.count <= linearLimit { return .fields(fields.entries) }
        return .general(Builder(fields).finish())
    }

    static let linearLimit = 32

    /// Number of entries.
    public var count: Int {
        switch storage {
        case let .fields(entries): entries.count
        case let .general(general): general.strings.count + general.others.count
        }
    }

    /// Keys in insertion order.
    public var keys: [CELValue] {
        switch storage {
        case let .fields(entries): entries.map { CELValue.string($0.key.string) }
        case let .general(general): general.order
        }
    }

    /// The entries in key order.
    public var entries: [(key: CELValue, value: CELValue)] {
        switch storage {
        case let .fields(entries): entries.map { (key: CELValue.string($0.key.string), value: $0.value) }
        case .general: keys.compactMap { key in self[key].map { (key: key, value: $0) } }
        }
    }

    /// The value for a string key: field selection.
    public subscript(field: String) -> CELValue? { self[FieldKey(field)] }

    /// Field selection with a key hashed beforehand (at compile time, or once per program run).
    @inline(__always)
    public subscript(field: FieldKey) -> CELValue? {
        switch storage {
        case let .fields(entries): Self.find(field, in: entries)
        case let .general(general): general.strings[field]
        }
    }

    @inline(__always)
    private static func find(_ key: FieldKey, in entries: ContiguousArray<Field>) -> CELValue? {
        for index in entries.indices where entries[index].key == key {
            return entries[index].value
        }
        return nil
    }

    /// The value for a key, with numeric equivalence across int, uint and double.
    public subscript(key: CELValue) -> CELValue? {
        if case let .string(string) = key { return self[FieldKey(string)] }
        guard case let .general(general) = storage, let normalised = MapKey(key) else { return nil }
        return general.others[normalised]?.value
    }

    /// Whether the key is present (numeric keys compare by value).
    public func contains(_ key: CELValue) -> Bool { self[key] != nil }
}

extension CELMap {
    /// One string-keyed entry.
    struct Field: Sendable {
        let key: FieldKey
        var value: CELValue
    }

    /// String-keyed fields being collected for a map (see `CELMap.init(_: Fields)`).
    public struct Fields: Sendable {
        var entries: ContiguousArray<Field> = []
        /// One bit per key hash modulo 64: a repeated key is searched for only when its bit
        /// is already set, so distinct keys (the usual case) cost no search.
        private var seen: UInt64 = 0

        public init(capacity: Int = 0) { entries.reserveCapacity(capacity) }

        /// Number of distinct keys so far.
        public var count: Int { entries.count }

        /// Adds a field; a repeated key replaces the earlier value (keeping its position).
        public mutating func append(_ key: FieldKey, _ value: CELValue) {
            let bit: UInt64 = 1 << UInt64(truncatingIfNeeded: key.hash & 63)
            if seen & bit != 0, let index = entries.firstIndex(where: { $0.key == key }) {
                entries[index].value = value
                return
            }
            seen |= bit
            entries.append(Field(key: key, value: value))
        }

        /// Adds the field only when it has a value: an absent field is an absent key, for `has()`.
        @inline(__always)
        public mutating func append(_ key: FieldKey, ifPresent value: CELValue?) {
            if let value { append(key, value) }
        }
    }
}

extension CELMap {
    private enum Storage: Sendable {
        /// String keys only, at most `linearLimit` of them, in insertion order.
        case fields(ContiguousArray<Field>)
        /// Larger maps and maps with non-string keys.
        case general(General)
    }

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

    fileprivate final class General: Sendable {
        let strings: [FieldKey: CELValue]
        let others: [MapKey: (key: CELValue, value: CELValue)]
        /// Keys in insertion order.
        let order: [CELValue]

        init(strings: [FieldKey: CELValue], others: [MapKey: (key: CELValue, value: CELValue)], order: [CELValue]) {
            self.strings = strings
            self.others = others
            self.order = order
        }
    }

    private struct Builder {
        var strings: [FieldKey: CELValue] = [:]
        var others: [MapKey: (key: CELValue, value: CELValue)] = [:]
        var order: [CELValue] = []

        init() {}

        /// Starts from fields already collected (their keys are distinct).
        init(_ fields: Fields) {
            strings.reserveCapacity(fields.entries.count)
            order.reserveCapacity(fields.entries.count)
            for field in fields.entries {
                strings[field.key] = field.value
                order.append(.string(field.key.string))
            }
        }

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

        func finish() -> General { General(strings: strings, others: others, order: order) }
    }
}
