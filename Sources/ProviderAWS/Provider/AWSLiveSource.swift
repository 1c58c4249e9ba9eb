import Foundation
import ProviderKit

/// Collects an AWS account live with `settings` (credentials, regions, endpoints, limits): what
/// the executable's AWS options build for `posture scan aws --live` and `posture snapshot aws`.
public struct AWSLiveSource: LiveCollector {
    public let settings: AWSLiveSettings
    public var provider: AWSProvider { AWSProvider() }

    public init(settings: AWSLiveSettings) { self.settings = settings }

    public func collect(progress: CollectionProgress) async throws(LiveCollectionFailure) -> LiveCollected<RawSnapshot> {
        let session: AWSLiveSession
        do {
            session = try await AWSLiveSession.open(settings)
        } catch {
            throw LiveCollectionFailure(error.description)
        }
        defer { session.close() }
        progress.countRetries { session.retries }
        let collection: LiveCollection
        do {
            collection = try await session.collect(progress: progress)
        } catch {
            throw LiveCollectionFailure(error.description)
        }
        var snapshot = collection.snapshot
        snapshot.origin = .api
        let failures = collection.failedCalls.compactMap { document -> String? in
            guard case let .error(code, message) = document.payload else { return nil }
            return "\(document.source): \(code): \(message)"
        } + collection.unfiled.map(\.description)
        return LiveCollected(snapshot: snapshot, account: collection.account, regions: collection.regions,
                             requests: collection.requests, retries: session.retries, failures: failures)
    }
}
