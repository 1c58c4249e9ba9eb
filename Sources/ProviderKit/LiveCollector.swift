import Foundation

/// Collects one account's configuration through a provider's API, read-only. Built by the
/// executable from the provider's own options (credentials, regions, endpoints), so that the
/// scan pipeline collects without knowing how a provider authenticates.
public protocol LiveCollector: Sendable {
    associatedtype Provider: CloudProvider
    var provider: Provider { get }
    /// Collects; a thrown failure means nothing could be scanned (no credentials, no identity).
    func collect(progress: CollectionProgress) async throws(LiveCollectionFailure) -> LiveCollected<Provider.Snapshot>
}

/// What a live collection gathered, and how it went.
public struct LiveCollected<Snapshot: ProviderSnapshot>: Sendable {
    public var snapshot: Snapshot
    /// The account, project or subscription collected.
    public var account: String
    public var regions: [String]
    /// API requests sent (pages and retries included) and retries.
    public var requests: Int
    public var retries: Int
    /// Calls that failed after retries, one line each (`s3:GetBucketPolicy eu-west-1 x: AccessDenied: …`).
    public var failures: [String]

    public init(snapshot: Snapshot, account: String, regions: [String], requests: Int, retries: Int, failures: [String]) {
        self.snapshot = snapshot
        self.account = account
        self.regions = regions
        self.requests = requests
        self.retries = retries
        self.failures = failures
    }
}

/// Why a live collection could not start or go on.
public struct LiveCollectionFailure: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
