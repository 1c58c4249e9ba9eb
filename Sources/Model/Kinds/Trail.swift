import Foundation

/// An audit trail: a CloudTrail trail, a GCP audit config or log sink, an Azure diagnostic setting.
public struct Trail: Resource {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    public static let kind = ResourceKind.trail

    /// provider-unique id: the ARN where one exists
    public var id: String
    /// display name
    public var name: String
    /// the cloud
    public var provider: ProviderID
    /// account, project or subscription id
    public var account: String
    /// the trail's home region
    public var region: String?
    /// where the data came from
    public var source: ResourceSource

    /// currently logging; absent when unknown
    /// Absent when the trail's status was not collected.
    public var enabled: Bool?
    /// records every region
    public var allRegions: Bool = false
    /// organization trail
    /// Logs every account of the organization.
    public var organization: Bool = false
    /// log file integrity validation
    public var integrity: Bool = false
    /// customer-managed key encrypting the logs
    /// Absent when the logs are not encrypted with a customer key.
    public var encryptionKey: String?
    /// bucket receiving the logs
    public var bucket: String?
    /// recorded events; absent when unknown
    public var events: TrailEvents?
    /// server access logging on the log bucket; absent when unknown
    /// Derived: absent when that bucket is not in the input (e.g. it lives in another account).
    public var bucketAccessLogging: Bool?
    /// tags
    public var tags: [String: String]
    /// per-trail settings the input held
    public var collected: [String]
    /// Provider sections (`trail.aws`).
    public var sections: ResourceSections
}

/// Which events a trail records.
public struct TrailEvents: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    /// management read events
    public var managementRead: Bool
    /// management write events
    public var managementWrite: Bool
    /// object-level read events for every bucket (S3 data events)
    public var dataRead: Bool
    /// object-level write events for every bucket (S3 data events)
    public var dataWrite: Bool
}
