/// The cloud a resource belongs to.
public enum Provider: String, Codable, Sendable, CaseIterable, Hashable {
    case aws, gcp, azure
}

/// The resource kinds policies iterate over, one at a time.
public enum ResourceKind: String, Codable, Sendable, CaseIterable, Hashable {
    case account, identity, bucket, trail, key

    /// The record type of this kind, with the fields every resource shares.
    public var schema: ObjectSchema {
        switch self {
        case .account: Account.schema
        case .identity: Identity.schema
        case .bucket: Bucket.schema
        case .trail: Trail.schema
        case .key: EncryptionKey.schema
        }
    }
}

/// Where a resource's data came from: an API call or a snapshot file (and line, when known).
public struct ResourceSource: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case api, file }
    public var kind: Kind
    /// The API call (`iam:GetAccountAuthorizationDetails`) or the file path.
    public var location: String
    public var line: Int?

    public init(kind: Kind, location: String, line: Int? = nil) {
        self.kind = kind
        self.location = location
        self.line = line
    }

    static let schema = ObjectSchema("source", [
        FieldSchema("kind", .enumeration(["api", "file"]), "api for a live call, file for a snapshot"),
        FieldSchema("location", .string, "the API call or the snapshot file path"),
        FieldSchema("line", .int, optional: true, "line in the snapshot file, when known"),
    ])
}

/// What every resource kind has.
public protocol Resource: Codable, Sendable, SchemaDescribing {
    static var kind: ResourceKind { get }
    /// Provider-unique: ARN, full resource name, or Azure resource id.
    var id: String { get }
    var name: String { get }
    var provider: Provider { get }
    /// Account, project or subscription id.
    var account: String { get }
    var region: String? { get }
    var source: ResourceSource { get }
    /// Per-resource settings the input held (see `Bucket.collected`); empty for kinds whose
    /// data comes whole with their account's data sets.
    var collectedSettings: [String] { get }
}

extension Resource {
    public var collectedSettings: [String] { [] }
}

/// The fields every resource shares, first in each kind's schema.
enum CommonFields {
    static let all: [FieldSchema] = [
        FieldSchema("id", .string, "provider-unique id: the ARN where one exists"),
        FieldSchema("name", .string, "display name"),
        FieldSchema("provider", .enumeration(Provider.allCases.map(\.rawValue)), "the cloud"),
        FieldSchema("account", .string, "account, project or subscription id"),
        FieldSchema("region", .string, optional: true, "region, for regional resources"),
        FieldSchema("source", .object(ResourceSource.schema), "where the data came from"),
    ]
}
