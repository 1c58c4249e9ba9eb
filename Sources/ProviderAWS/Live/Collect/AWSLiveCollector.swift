import Foundation
import ProviderKit
import SourceText

/// Collects one AWS account's configuration through the API: the same calls as
/// `scripts/export-aws-snapshot.sh`, concurrently, each answer filed under its bundle path.
///
/// A failed call never stops the collection: its error answer is filed like any other, so the
/// normalizer reports the data set as incomplete and the policies needing it as not assessed.
/// Only the caller's identity (and the region list for `--regions all`) is required to start.
public struct AWSLiveCollector: Sendable {
    public struct Options: Sendable {
        /// Where global services (IAM, STS, S3's bucket list, S3 Control) are called.
        public var homeRegion: String
        /// The regions for regional services; nil for every region enabled in the account.
        public var regions: [String]?
        /// How long to wait for IAM to build the credential report, in seconds.
        public var credentialReportTimeout: Double = 120
        /// First pause between credential-report polls; doubled up to 8 s.
        public var credentialReportPause: Double = 1

        public init(homeRegion: String, regions: [String]?) {
            self.homeRegion = homeRegion
            self.regions = regions
        }
    }

    let performer: any LiveCallPerformer
    let options: Options
    let progress: CollectionProgress

    public init(performer: any LiveCallPerformer, options: Options, progress: CollectionProgress = CollectionProgress()) {
        self.performer = performer
        self.options = options
        self.progress = progress
    }

    public func collect() async throws(LiveCollectionError) -> LiveCollection {
        let filing = Filing()
        let home = options.homeRegion
        let identity = await perform(LiveRequest(.call(.getCallerIdentity), region: home))
        filing.file(.getCallerIdentity, region: home, answer: identity)
        guard let account = Self.read(identity, IAMAccountDocuments.CallerIdentity.self)?.Account else {
            throw LiveCollectionError("cannot establish the caller's identity (sts:GetCallerIdentity in \(home)): \(Self.describe(identity))"
                                      + (Self.identityHint(identity).map { "\n  hint: \($0)" } ?? ""))
        }
        let regions = try await resolveRegions()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await collectIAM(into: filing) }
            group.addTask { await collectS3(account: account, into: filing) }
            for region in regions {
                group.addTask { await collectTrails(region: region, into: filing) }
                group.addTask { await collectRecorders(region: region, into: filing) }
                group.addTask { await collectKeys(region: region, into: filing) }
                group.addTask { await collectAnalyzers(region: region, into: filing) }
            }
        }
        let (entries, unfiled) = filing.contents()
        return LiveCollection(entries: entries, account: account, regions: regions, collected: Date(),
                              requests: progress.snapshot().finished, unfiled: unfiled)
    }

    // MARK: - Regions

    private func resolveRegions() async throws(LiveCollectionError) -> [String] {
        if let regions = options.regions { return regions }
        let answer = await perform(LiveRequest(.describeRegions, region: options.homeRegion))
        struct Regions: Decodable {
            struct Region: Decodable { var RegionName: String? }
            var Regions: [Region]?
        }
        guard let list = Self.read(answer, Regions.self) else {
            throw LiveCollectionError("cannot list the account's regions for --regions all (ec2:DescribeRegions in \(options.homeRegion)): \(Self.describe(answer))")
        }
        let names = (list.Regions ?? []).compactMap(\.RegionName).sorted()
        guard !names.isEmpty else { throw LiveCollectionError("ec2:DescribeRegions listed no regions") }
        return names
    }

    // MARK: - IAM (global, once per account)

    private func collectIAM(into filing: Filing) async {
        let home = options.homeRegion
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                let answer = await perform(LiveRequest(.call(.getAccountAuthorizationDetails), region: home, allPages: true))
                filing.file(.getAccountAuthorizationDetails, region: home, answer: answer)
            }
            group.addTask { await collectCredentialReport(into: filing) }
            for call in [AWSCall.getAccountSummary, .getAccountPasswordPolicy] {
                group.addTask { filing.file(call, region: home, answer: await perform(LiveRequest(.call(call), region: home))) }
            }
            for call in [AWSCall.listVirtualMFADevices, .listServerCertificates] {
                group.addTask { filing.file(call, region: home, answer: await perform(LiveRequest(.call(call), region: home, allPages: true))) }
            }
        }
    }

    /// Asks IAM to build the report, then polls (bounded) while it says the report is not ready.
    private func collectCredentialReport(into filing: Filing) async {
        let home = options.homeRegion
        let deadline = Date().addingTimeInterval(options.credentialReportTimeout)
        var pause = options.credentialReportPause
        var answer = await perform(LiveRequest(.generateCredentialReport, region: home))
        if answer.document != nil {
            while true {
                answer = await perform(LiveRequest(.call(.getCredentialReport), region: home))
                guard let code = answer.errorCode, Self.reportNotReady.contains(code), Date().addingTimeInterval(pause) < deadline else { break }
                try? await Task.sleep(nanoseconds: UInt64(pause * 1e9))
                pause = min(pause * 2, 8)
            }
        }
        // A failed GenerateCredentialReport is filed as the report's answer: either way the
        // report is missing and the scan says why.
        filing.file(.getCredentialReport, region: home, answer: answer)
    }

    private static let reportNotReady: Set<String> = ["ReportInProgress", "ReportNotPresent", "ReportExpired"]

    // MARK: - S3

    private func collectS3(account: String, into filing: Filing) async {
        let home = options.homeRegion
        async let accountBlock = perform(LiveRequest(.call(.getAccountPublicAccessBlock), region: home, parameters: ["AccountId": account]))
        let listing = await perform(LiveRequest(.call(.listBuckets), region: home, allPages: true))
        filing.file(.listBuckets, region: home, answer: listing)
        filing.file(.getAccountPublicAccessBlock, region: home, answer: await accountBlock)
        guard let buckets = Self.read(listing, S3Raw.ListBuckets.self) else { return }
        await withTaskGroup(of: Void.self) { group in
            for name in (buckets.Buckets ?? []).map(\.Name) {
                group.addTask { await collectBucket(name, into: filing) }
            }
        }
    }

    private static let bucketCalls: [AWSCall] = [
        .getBucketEncryption, .getPublicAccessBlock, .getBucketPolicy, .getBucketPolicyStatus, .getBucketAcl,
        .getBucketLogging, .getBucketVersioning,
    ]

    /// The bucket's region first, then its settings from that region's endpoint.
    private func collectBucket(_ name: String, into filing: Filing) async {
        let location = await perform(LiveRequest(.call(.getBucketLocation), region: options.homeRegion, parameters: ["Bucket": name]))
        filing.file(.getBucketLocation, subject: name, region: options.homeRegion, answer: location)
        let region = Self.read(location, S3Raw.Location.self)?.region ?? options.homeRegion
        await withTaskGroup(of: Void.self) { group in
            for call in Self.bucketCalls {
                group.addTask {
                    filing.file(call, subject: name, region: region,
                                answer: await perform(LiveRequest(.call(call), region: region, parameters: ["Bucket": name])))
                }
            }
        }
    }

    // MARK: - Regional services

    /// The trails whose home is this region (shadow copies left out), then each trail's status
    /// and event selectors, asked by ARN (which also works for organization trails).
    private func collectTrails(region: String, into filing: Filing) async {
        let answer = await perform(LiveRequest(.call(.describeTrails), region: region, parameters: ["includeShadowTrails": "false"]))
        filing.file(.describeTrails, region: region, answer: answer)
        guard let trails = Self.read(answer, CloudTrailDescribeTrails.self) else { return }
        await withTaskGroup(of: Void.self) { group in
            for trail in trails.trailList ?? [] {
                guard let name = trail.name else { continue }
                let id = trail.trailARN ?? name
                group.addTask {
                    filing.file(.getTrailStatus, subject: name, region: region,
                                answer: await perform(LiveRequest(.call(.getTrailStatus), region: region, parameters: ["Name": id])))
                }
                group.addTask {
                    filing.file(.getEventSelectors, subject: name, region: region,
                                answer: await perform(LiveRequest(.call(.getEventSelectors), region: region, parameters: ["TrailName": id])))
                }
            }
        }
    }

    private func collectRecorders(region: String, into filing: Filing) async {
        for call in [AWSCall.describeConfigurationRecorders, .describeConfigurationRecorderStatus] {
            filing.file(call, region: region, answer: await perform(LiveRequest(.call(call), region: region)))
        }
    }

    /// Every key is described (to tell customer keys from AWS keys); rotation is asked for
    /// customer managed symmetric keys with key material from KMS, as the export script does.
    private func collectKeys(region: String, into filing: Filing) async {
        let answer = await perform(LiveRequest(.call(.listKeys), region: region, allPages: true))
        filing.file(.listKeys, region: region, answer: answer)
        guard let keys = Self.read(answer, KMSKeyList.self) else { return }
        await withTaskGroup(of: Void.self) { group in
            for keyId in (keys.keys ?? []).compactMap(\.keyId) {
                group.addTask {
                    let description = await perform(LiveRequest(.call(.describeKey), region: region, parameters: ["KeyId": keyId]))
                    filing.file(.describeKey, subject: keyId, region: region, answer: description)
                    guard let key = Self.read(description, KMSDescribeKey.self)?.keyMetadata, Self.asksRotation(key) else { return }
                    filing.file(.getKeyRotationStatus, subject: keyId, region: region,
                                answer: await perform(LiveRequest(.call(.getKeyRotationStatus), region: region, parameters: ["KeyId": keyId])))
                }
            }
        }
    }

    /// Rotation is asked of customer managed keys the normalizer judges rotatable, unless they
    /// are being deleted (KMS refuses the call then).
    static func asksRotation(_ key: KMSKeyMetadata) -> Bool {
        key.keyManager == "CUSTOMER" && AuditNormalizer.rotationApplies(key)
            && key.keyState != "PendingDeletion" && key.keyState != "PendingReplicaDeletion"
    }

    private func collectAnalyzers(region: String, into filing: Filing) async {
        filing.file(.listAnalyzers, region: region, answer: await perform(LiveRequest(.call(.listAnalyzers), region: region, allPages: true)))
    }

    // MARK: - Plumbing

    private func perform(_ request: LiveRequest) async -> LiveAnswer {
        progress.started()
        let answer = await performer.perform(request)
        progress.finished(failed: answer.errorCode.map { code in
            if case let .call(call) = request.operation { return !call.absentCodes.contains(code) }
            return true
        } ?? false)
        return answer
    }

    /// What to do about the commonest reasons the first call fails, which are all about the
    /// credentials or the clock rather than the account.
    static func identityHint(_ answer: LiveAnswer) -> String? {
        guard case let .error(code, _, _) = answer else { return nil }
        switch code {
        case "ExpiredToken", "ExpiredTokenException":
            return "the credentials have expired, also when fetched again: get new ones (a new session token, `aws sso login`, a fresh role session) and run again"
        case "RequestExpired", "RequestTimeTooSkewed":
            return "AWS refused the request's time: check this machine's clock"
        case "InvalidClientTokenId", "UnrecognizedClientException":
            return "AWS does not know this access key id: check where the credentials come from (--verbose names the source) and the partition"
        case "SignatureDoesNotMatch":
            return "the secret access key does not belong to the access key id"
        default:
            return nil
        }
    }

    static func describe(_ answer: LiveAnswer) -> String {
        switch answer {
        case .document: "the answer could not be read"
        case let .error(code, message, status): "\(code)\(status.map { " (HTTP \($0))" } ?? ""): \(message)"
        }
    }

    /// An answer's document decoded into the raw type the normalizer reads it as; nil for an
    /// error answer or a body that does not decode (the normalizer reports that one).
    static func read<T: Decodable>(_ answer: LiveAnswer, _ type: T.Type) -> T? {
        answer.document.flatMap { try? JSONText.decoder.decode(type, from: $0) }
    }
}

/// Files answers under their bundle paths as they arrive, from many tasks at once.
final class Filing: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [LiveCollection.Entry] = []
    private var unfiled: [SnapshotError] = []

    func file(_ call: AWSCall, subject: String? = nil, region: String, answer: LiveAnswer) {
        let source = "\(call.action) \(region)\(subject.map { " \($0)" } ?? "")"
        guard let path = BundleLayout.path(call, subject: subject, region: region) else {
            let problem = SnapshotError(source: source, call: call, region: region,
                                        message: "the name \(subject.map { "'\($0)'" } ?? "") cannot be filed in a snapshot bundle; not collected")
            lock.withLock { unfiled.append(problem) }
            return
        }
        // The document is classified from its path exactly as an offline read of the written
        // bundle would classify it: live and offline documents cannot drift apart.
        guard case let .call(classification) = FileClassifier.classify(relative: path) else {
            lock.withLock { unfiled.append(SnapshotError(source: source, call: call, region: region, message: "internal: \(path) does not classify")) }
            return
        }
        let payload: SnapshotDocument.Payload = switch answer {
        case let .document(data): .json(data)
        case let .error(code, message, status): .error(code: code, message: status.map { "\(message) (HTTP \($0))" } ?? message)
        }
        let document = SnapshotDocument(call: classification.call, subject: classification.subject, region: classification.region,
                                        source: source, payload: payload)
        lock.withLock { entries.append(LiveCollection.Entry(path: path, document: document)) }
    }

    func contents() -> ([LiveCollection.Entry], [SnapshotError]) {
        lock.withLock { (entries.sorted { $0.path < $1.path }, unfiled) }
    }
}
