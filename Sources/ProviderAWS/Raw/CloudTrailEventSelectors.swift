/// `aws cloudtrail get-event-selectors --trail-name <trail>` output: classic `EventSelectors`
/// or `AdvancedEventSelectors` (a trail uses one kind or the other).
struct CloudTrailEventSelectors: Codable, Sendable {
    var trailARN: String?
    var eventSelectors: [CloudTrailEventSelector]?
    var advancedEventSelectors: [CloudTrailAdvancedEventSelector]?

    enum CodingKeys: String, CodingKey {
        case trailARN = "TrailARN", eventSelectors = "EventSelectors", advancedEventSelectors = "AdvancedEventSelectors"
    }
}

/// A classic event selector.
struct CloudTrailEventSelector: Codable, Sendable {
    /// `All`, `ReadOnly` or `WriteOnly`; the API's default is `All`.
    var readWriteType: String?
    /// The API's default is true.
    var includeManagementEvents: Bool?
    var dataResources: [CloudTrailDataResource]?
    /// Event sources left out of the management events (`kms.amazonaws.com`, `rdsdata.amazonaws.com`).
    var excludeManagementEventSources: [String]?

    enum CodingKeys: String, CodingKey {
        case readWriteType = "ReadWriteType", includeManagementEvents = "IncludeManagementEvents", dataResources = "DataResources"
        case excludeManagementEventSources = "ExcludeManagementEventSources"
    }
}

/// A data resource of a classic selector: `AWS::S3::Object` with bucket/prefix ARNs.
struct CloudTrailDataResource: Codable, Sendable {
    var type: String?
    var values: [String]?

    enum CodingKeys: String, CodingKey { case type = "Type", values = "Values" }
}

/// An advanced event selector: its field selectors all have to match (AND).
struct CloudTrailAdvancedEventSelector: Codable, Sendable {
    var name: String?
    var fieldSelectors: [CloudTrailFieldSelector]?

    enum CodingKeys: String, CodingKey { case name = "Name", fieldSelectors = "FieldSelectors" }
}

/// One field condition of an advanced selector (`eventCategory`, `readOnly`, `resources.type`,
/// `resources.ARN`, `eventName`, …) with its operators.
struct CloudTrailFieldSelector: Codable, Sendable {
    var field: String?
    var equals: [String]?
    var startsWith: [String]?
    var endsWith: [String]?
    var notEquals: [String]?
    var notStartsWith: [String]?
    var notEndsWith: [String]?

    enum CodingKeys: String, CodingKey {
        case field = "Field", equals = "Equals", startsWith = "StartsWith", endsWith = "EndsWith", notEquals = "NotEquals"
        case notStartsWith = "NotStartsWith", notEndsWith = "NotEndsWith"
    }
}
