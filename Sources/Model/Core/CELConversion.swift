import CEL
import Foundation

/// State kept while many resources are turned into CEL values, and the conversions the
/// generated `celValue` functions share.
///
/// This is the hot path of a scan (every resource once), so values are built as maps with
/// field keys hashed once (`FieldKeys`), not through `Encodable` (about ten times slower).
public struct CELConversion {
    /// Converted policy documents by managed policy ARN: a managed policy's document is the
    /// same wherever it is attached, so it is converted once per conversion.
    public var documents: [String: CELValue] = [:]

    public init() {}

    public static func time(_ date: Date) -> CELValue { .timestamp(CELTimestamp(date: date)) }

    public static func strings(_ values: [String]) -> CELValue { .list(values.map(CELValue.string)) }

    /// A string-keyed map (tags and the like).
    public static func map<T>(_ values: [String: T], _ convert: (T) -> CELValue) -> CELValue {
        var fields = CELMap.Fields(capacity: values.count)
        for (key, value) in values { fields.append(FieldKey(key), convert(value)) }
        return .map(CELMap(fields))
    }
}

extension Resource {
    /// The resource's CEL value with a conversion of its own (tests, one-off evaluations).
    public var celValue: CELValue {
        var conversion = CELConversion()
        return celValue(&conversion)
    }
}
