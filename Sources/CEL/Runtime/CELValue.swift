import Foundation

/// A CEL value at run time.
///
/// Objects (resources and their nested records) are represented as maps with string keys;
/// an absent optional field is an absent key, which is what `has()` tests.
public enum CELValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([CELValue])
    case map(CELMap)
    case timestamp(CELTimestamp)
    case duration(CELDuration)
    case type(CELType)
}
