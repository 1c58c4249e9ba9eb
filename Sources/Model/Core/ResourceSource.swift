/// Where a resource's data came from: an API call or a snapshot file (and line, when known).
public struct ResourceSource: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    // model: schema source
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable { case api, file }

    /// api for a live call, file for a snapshot
    public var kind: Kind
    /// the API call or the snapshot file path
    public var location: String
    /// line in the snapshot file, when known
    public var line: Int?
}
