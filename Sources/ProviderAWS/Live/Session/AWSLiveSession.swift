import Foundation
import HTTP

/// A live connection to one AWS account: resolved region(s), credentials, endpoints and the
/// HTTP client, ready to collect.
public final class AWSLiveSession: Sendable {
    let client: HTTPClient

    private init(client: HTTPClient) {
        self.client = client
    }

    public static func open(_ settings: AWSLiveSettings) async throws(LiveSetupError) -> AWSLiveSession {
        // Wiring of credentials, endpoints and the wire layer lands with their branches.
        throw LiveSetupError("live collection is not wired yet")
    }

    public var retries: Int { client.statistics.retries }

    public func collect(progress: CollectionProgress) async throws(LiveCollectionError) -> LiveCollection {
        throw LiveCollectionError("live collection is not wired yet")
    }

    public func close() { client.shutdown() }
}
