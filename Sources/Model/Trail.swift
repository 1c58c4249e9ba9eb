import Foundation

/// An audit trail: a CloudTrail trail, a GCP audit config or log sink, an Azure diagnostic setting.
public struct Trail: Resource, Hashable {
    public static let kind = ResourceKind.trail
    public var id: String
    public var name: String
    public var provider: Provider
    public var account: String
    /// The trail's home region.
    public var region: String?
    public var source: ResourceSource

    public var multiRegion: Bool
    public var organization: Bool
    /// Currently delivering; absent when the status was not collected.
    public var logging: Bool?
    public var logFileValidation: Bool
    /// KMS key encrypting the delivered logs; absent when not encrypted with a customer key.
    public var kmsKey: String?
    public var cloudWatchLogsGroup: String?
    public var bucket: String?
    /// Which events are recorded; absent when the selectors were not collected.
    public var events: TrailEvents?
    /// Derived: server access logging on the bucket receiving the logs; absent when that
    /// bucket is not in the input (e.g. it lives in another account).
    public var bucketAccessLogging: Bool?

    public init(
        id: String, name: String, provider: Provider, account: String, region: String? = nil,
        source: ResourceSource, multiRegion: Bool = false, organization: Bool = false, logging: Bool? = nil,
        logFileValidation: Bool = false, kmsKey: String? = nil, cloudWatchLogsGroup: String? = nil,
        bucket: String? = nil, events: TrailEvents? = nil, bucketAccessLogging: Bool? = nil
    ) {
        self.id = id
        self.name = name
        self.provider = provider
        self.account = account
        self.region = region
        self.source = source
        self.multiRegion = multiRegion
        self.organization = organization
        self.logging = logging
        self.logFileValidation = logFileValidation
        self.kmsKey = kmsKey
        self.cloudWatchLogsGroup = cloudWatchLogsGroup
        self.bucket = bucket
        self.events = events
        self.bucketAccessLogging = bucketAccessLogging
    }

    public static let schema = ObjectSchema("trail", CommonFields.all + [
        FieldSchema("multiRegion", .bool, "records every region"),
        FieldSchema("organization", .bool, "organization trail"),
        FieldSchema("logging", .bool, optional: true, "currently logging; absent when unknown"),
        FieldSchema("logFileValidation", .bool, "log file integrity validation"),
        FieldSchema("kmsKey", .string, optional: true, "KMS key for the logs"),
        FieldSchema("cloudWatchLogsGroup", .string, optional: true, "CloudWatch Logs group ARN"),
        FieldSchema("bucket", .string, optional: true, "bucket receiving the logs"),
        FieldSchema("events", .object(TrailEvents.self), optional: true, "recorded events; absent when unknown"),
        FieldSchema("bucketAccessLogging", .bool, optional: true, "server access logging on the log bucket; absent when unknown"),
    ])
}

/// Which events a trail records.
public struct TrailEvents: Codable, Sendable, Hashable, SchemaDescribing {
    public var managementRead: Bool
    public var managementWrite: Bool
    /// S3 object-level (data) read events for all buckets.
    public var s3DataRead: Bool
    /// S3 object-level (data) write events for all buckets.
    public var s3DataWrite: Bool

    public init(managementRead: Bool, managementWrite: Bool, s3DataRead: Bool, s3DataWrite: Bool) {
        self.managementRead = managementRead
        self.managementWrite = managementWrite
        self.s3DataRead = s3DataRead
        self.s3DataWrite = s3DataWrite
    }

    public static let schema = ObjectSchema("trailEvents", [
        FieldSchema("managementRead", .bool, "management read events"),
        FieldSchema("managementWrite", .bool, "management write events"),
        FieldSchema("s3DataRead", .bool, "S3 object-level read events for all buckets"),
        FieldSchema("s3DataWrite", .bool, "S3 object-level write events for all buckets"),
    ])
}
