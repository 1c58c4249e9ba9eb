import Foundation
import Model
import PolicyEngine
import ProviderAWS
import Reporting

/// Wires a live collection: settings from the flags, the session (credentials, endpoints,
/// HTTP), the progress line, then the same normalize → evaluate → report path as offline.
enum LiveScan {
    /// Collects the account; a failure here means nothing could be scanned (bad credentials,
    /// no identity, bad endpoint): exit 2 with one clear line.
    static func collect(_ options: LiveOptions, label: String) async -> Result<LiveCollection, OfflineScan.Failure> {
        var clock = PhaseClock()
        let session: AWSLiveSession
        do {
            session = try await AWSLiveSession.open(settings(options))
        } catch {
            return .failure(OfflineScan.Failure(error.description))
        }
        defer { session.close() }
        let progress = CollectionProgress()
        let line = ProgressLine.wanted(quiet: options.quiet || options.verbose) ? ProgressLine(progress: progress, retries: { session.retries }) : nil
        line?.start(label: label)
        let result: Result<LiveCollection, OfflineScan.Failure>
        do {
            result = .success(try await session.collect(progress: progress))
        } catch {
            result = .failure(OfflineScan.Failure(error.description))
        }
        await line?.finish()
        clock.lap("collect")
        if case let .success(collection) = result, !options.quiet {
            let failed = collection.failedCalls.count + collection.unfiled.count
            Console.error("\(label): account \(collection.account), regions \(collection.regions.joined(separator: ",")): "
                + "\(collection.requests) API calls, \(session.retries) retries, \(failed) failed")
        }
        return result
    }

    static func run(_ options: LiveOptions, catalog: PolicyCatalog, builder: ReportBuilder, time: Date?) async -> Result<ScanReport, OfflineScan.Failure> {
        let collected = await collect(options, label: "posture scan aws --live")
        guard case let .success(collection) = collected else {
            if case let .failure(failure) = collected { return .failure(failure) }
            return .failure(OfflineScan.Failure("live collection failed"))
        }
        var clock = PhaseClock()
        var snapshot = collection.snapshot
        snapshot.origin = .api
        let inventory = AWSNormalizer.normalize(snapshot)
        clock.lap("normalize")
        return .success(OfflineScan.evaluate(inventory, source: "aws live: account \(collection.account)", catalog: catalog, builder: builder,
                                             time: time ?? collection.collected, clock: &clock))
    }

    static func settings(_ options: LiveOptions) -> AWSLiveSettings {
        var settings = AWSLiveSettings(environment: ProcessInfo.processInfo.environment)
        settings.profile = options.profile
        settings.region = options.region
        settings.regions = options.regions
        settings.assumeRole = options.assumeRole
        settings.externalId = options.externalId
        settings.endpointURL = options.endpointURL
        settings.caBundle = options.caBundle
        settings.concurrency = options.concurrency
        settings.maxRate = options.maxRate
        settings.callTimeout = options.callTimeout
        settings.userAgent = "posture/\(Posture.configuration.version)"
        if options.verbose { settings.log = { Console.error($0) } }
        return settings
    }
}
