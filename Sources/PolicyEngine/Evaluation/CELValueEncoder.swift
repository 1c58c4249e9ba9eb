import CEL
import Foundation

/// Turns any `Encodable` model value into a CEL value without a JSON round trip.
///
/// Structs become string-keyed maps, arrays lists, `Date` a timestamp, enums their raw value;
/// `nil` optionals are left out, so `has(x.field)` tells present from absent.
public enum CELValueEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> CELValue {
        if let special = specialValue(value) { return special }
        let encoder = TreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.storage.value
    }

    static func specialValue(_ value: Any) -> CELValue? {
        switch value {
        case let date as Date: .timestamp(CELTimestamp(date: date))
        case let url as URL: .string(url.absoluteString)
        default: nil
        }
    }
}

/// A mutable node of the value being built; containers fill it in place as they are encoded
/// (a class, so nested containers mutate without copying their parent's storage).
private final class Box {
    var scalar: CELValue?
    var keyed: [String: Box]?
    var unkeyed: [Box]?

    var value: CELValue {
        if let keyed { return .map(CELMap(keyed.mapValues(\.value))) }
        if let unkeyed { return .list(unkeyed.map(\.value)) }
        return scalar ?? .null
    }
}

private struct TreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let storage: Box

    init(codingPath: [any CodingKey], storage: Box = Box()) {
        self.codingPath = codingPath
        self.storage = storage
    }

    func container<Key: CodingKey>(keyedBy _: Key.Type) -> KeyedEncodingContainer<Key> {
        if storage.keyed == nil { storage.keyed = [:] }
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if storage.unkeyed == nil { storage.unkeyed = [] }
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    /// Encodes a nested value into a fresh box.
    func box<T: Encodable>(_ value: T, key: any CodingKey) throws -> Box {
        let child = Box()
        if let special = CELValueEncoder.specialValue(value) {
            child.scalar = special
        } else {
            try value.encode(to: TreeEncoder(codingPath: codingPath + [key], storage: child))
        }
        return child
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { "\(intValue ?? 0)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue _: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ box: Box, for key: Key) {
        encoder.storage.keyed?[key.stringValue] = box
    }

    private func set(_ value: CELValue, for key: Key) {
        let box = Box()
        box.scalar = value
        set(box, for: key)
    }

    mutating func encodeNil(forKey _: Key) throws {}
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), for: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), for: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.double(value), for: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(.double(Double(value)), for: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(Int64(value)), for: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.int(value), for: key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { set(try encoder.box(value, key: key), for: key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy _: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = Box()
        set(child, for: key)
        return TreeEncoder(codingPath: codingPath + [key], storage: child).container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Box()
        set(child, for: key)
        return TreeEncoder(codingPath: codingPath + [key], storage: child).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder }

    /// An encoder for the value under `key` (resources encode their provider sections this way).
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = Box()
        set(child, for: key)
        return TreeEncoder(codingPath: codingPath + [key], storage: child)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.storage.unkeyed?.count ?? 0 }

    private func append(_ box: Box) {
        encoder.storage.unkeyed?.append(box)
    }

    private func append(_ value: CELValue) {
        let box = Box()
        box.scalar = value
        append(box)
    }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(.double(value)) }
    mutating func encode(_ value: Int) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { append(.int(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { append(try encoder.box(value, key: IndexKey(count))) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy _: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = Box()
        append(child)
        return TreeEncoder(codingPath: codingPath + [IndexKey(count)], storage: child).container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Box()
        append(child)
        return TreeEncoder(codingPath: codingPath + [IndexKey(count)], storage: child).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: CELValue) { encoder.storage.scalar = value }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(.double(value)) }
    mutating func encode(_ value: Float) throws { set(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { set(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { set(.int(value)) }
    mutating func encode(_ value: UInt64) throws { set(.uint(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let special = CELValueEncoder.specialValue(value) { set(special); return }
        try value.encode(to: encoder)
    }
}
