import Foundation
import HTTP
import ProviderKit

/// A live connection to one AWS account: resolved home region and regions, the credential
/// chain's provider, endpoints, and the libcurl client — ready to collect.
public final class AWSLiveSession: Sendable {
    let client: HTTPClient
    let metadataClient: HTTPClient
    let performer: AWSAPIPerformer
    let options: AWSLiveCollector.Options
    /// Where the credentials came from (`environment`, `profile audit (assume role …)`): for
    /// `--verbose` and errors; never the credentials themselves.
    public let credentialSource: String

    private init(client: HTTPClient, metadataClient: HTTPClient, performer: AWSAPIPerformer, options: AWSLiveCollector.Options,
                 credentialSource: String) {
        self.client = client
        self.metadataClient = metadataClient
        self.performer = performer
        self.options = options
        self.credentialSource = credentialSource
    }

    /// Resolves everything a collection needs and checks the credentials can be obtained.
    /// Nothing is sent to AWS services here except what the credential chain itself needs
    /// (STS for roles, container or instance metadata).
    public static func open(_ settings: AWSLiveSettings) async throws(LiveSetupError) -> AWSLiveSession {
        let client: HTTPClient
        let metadataClient: HTTPClient
        do {
            let configuration = clientConfiguration(settings)
            client = try HTTPClient(configuration)
            var metadata = HTTPClientConfiguration.instanceMetadata
            metadata.observer = configuration.observer
            metadataClient = try HTTPClient(metadata)
        } catch {
            throw LiveSetupError("cannot start the HTTP client: \(error.description)")
        }
        do {
            let session = try await open(settings, client: client, metadataClient: metadataClient)
            return session
        } catch {
            client.shutdown()
            metadataClient.shutdown()
            throw error
        }
    }

    private static func open(_ settings: AWSLiveSettings, client: HTTPClient, metadataClient: HTTPClient) async throws(LiveSetupError) -> AWSLiveSession {
        let environment = settings.environment
        // The profile is read first: its region and endpoint_url feed the resolvers below.
        let credentialOptions = AWSCredentialOptions(profile: settings.profile, assumeRole: settings.assumeRole,
                                                     externalId: settings.externalId, region: settings.region)
        let bootstrapEndpoints = AWSEndpointResolver(endpointURL: settings.endpointURL, environment: environment)
        let resolution: AWSCredentialResolution
        do {
            resolution = try await AWSCredentialChain.resolve(
                options: credentialOptions, environment: environment, transport: client, metadataTransport: metadataClient,
                sign: { request, credentials, region, service in
                    let key = SigningKeyMaterial(accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey,
                                                 sessionToken: credentials.sessionToken)
                    try SigV4Signer(service: service, region: region).sign(&request, key: key, date: Date())
                },
                stsEndpoint: { region in (try? bootstrapEndpoints.endpoint(for: .sts, region: region).baseURL) ?? "https://sts.\(region).amazonaws.com" })
        } catch {
            throw LiveSetupError(error.description)
        }
        let profileSettings = resolution.profile.map { $0.settings.mapValues(\.value) }
        let endpoints = AWSEndpointResolver(endpointURL: settings.endpointURL, environment: environment, profile: profileSettings)
        let home: String
        let regions: [String]?
        do {
            home = try AWSRegionChoice.resolve(flag: settings.region, environment: environment, profile: profileSettings).name
            switch try settings.regions.map({ text throws(AWSEndpointError) in try AWSRegionSelection.parse(text) }) {
            case nil: regions = [home]
            case .all?: regions = nil
            case let .list(names)?: regions = names
            }
            // A malformed custom endpoint is a setup error, not one failed call per service.
            for service in AWSService.allCases { _ = try endpoints.customEndpoint(for: service) }
        } catch {
            throw LiveSetupError(error.description)
        }
        do {
            _ = try await resolution.provider.credentials()
        } catch {
            throw LiveSetupError(error.description)
        }
        settings.log?("posture: credentials from \(resolution.source); home region \(home)")
        var options = AWSLiveCollector.Options(homeRegion: home, regions: regions)
        options.credentialReportTimeout = min(120, settings.callTimeout * 4)
        let performer = AWSAPIPerformer(transport: client, credentials: resolution.provider, endpoints: endpoints)
        return AWSLiveSession(client: client, metadataClient: metadataClient, performer: performer, options: options,
                              credentialSource: resolution.source)
    }

    static func clientConfiguration(_ settings: AWSLiveSettings) -> HTTPClientConfiguration {
        var configuration = HTTPClientConfiguration()
        configuration.concurrency = settings.concurrency
        configuration.totalTimeout = settings.callTimeout
        configuration.attemptTimeout = min(configuration.attemptTimeout, settings.callTimeout)
        configuration.maxRatePerKey = settings.maxRate
        configuration.caBundle = settings.caBundle
        configuration.userAgent = settings.userAgent
        configuration.retryClassifier = AWSThrottling.isThrottled
        if let log = settings.log {
            configuration.observer = { event in log(HTTPEventLine.describe(event)) }
        }
        return configuration
    }

    /// Retries the HTTP client made, for the progress line and the summary.
    public var retries: Int { client.statistics.retries + metadataClient.statistics.retries }

    public func collect(progress: CollectionProgress) async throws(LiveCollectionError) -> LiveCollection {
        try await AWSLiveCollector(performer: performer, options: options, progress: progress).collect()
    }

    public func close() {
        client.shutdown()
        metadataClient.shutdown()
    }
}

/// AWS's throttling answers that come with a status the HTTP layer does not retry by itself
/// (IAM's `Throttling` is a 400, KMS's `ThrottlingException` a 400 with a JSON body).
enum AWSThrottling {
    @Sendable static func isThrottled(_ response: HTTPResponse) -> Bool {
        guard (400..<500).contains(response.status), response.body.count < 65_536 else { return false }
        let body = String(decoding: response.body, as: UTF8.self)
        for code in AWSErrorAnswer.throttlingCodes {
            if body.contains("<Code>\(code)</Code>") || body.contains("#\(code)\"") || body.contains("\"\(code)\"") { return true }
        }
        if let type = response.header("x-amzn-errortype"), AWSErrorAnswer.throttlingCodes.contains(String(type.prefix { $0 != ":" })) {
            return true
        }
        return false
    }
}

/// One `--verbose` line per HTTP attempt or retry: method-free label, host, path, status, time.
enum HTTPEventLine {
    static func describe(_ event: HTTPEvent) -> String {
        switch event {
        case let .attempt(label, host, path, status, error, seconds, attempt):
            let outcome = status.map { "HTTP \($0)" } ?? "failed: \(error ?? "no answer")"
            return String(format: "posture: %@ %@%@ → %@ in %.3f s%@", label, host, path, outcome, seconds,
                          attempt > 1 ? " (attempt \(attempt))" : "")
        case let .retry(label, reason, delay, attempt):
            return String(format: "posture: %@: retry %d in %.2f s (%@)", label, attempt, delay, reason)
        }
    }
}
