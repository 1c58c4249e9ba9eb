import Model

extension AuditNormalizer {
    /// A trail as one region's `describe-trails` listed it.
    struct ListedTrail {
        var raw: CloudTrailTrail
        var arn: String
        var name: String
        var account: String
        var listedIn: String?
        var document: SnapshotDocument

        var homeRegion: String? { raw.homeRegion ?? AuditNormalizer.region(inARN: arn) }
    }

    /// Trails from `describe-trails` (one copy per TrailARN, the home region's preferred: the
    /// other regions list a multi-region trail as a shadow), with `get-trail-status` and
    /// `get-event-selectors` joined on by trail name or ARN.
    static func normalizeTrails(_ context: inout NormalizationContext, buckets: [Bucket], coverage: inout Coverage) -> [Trail] {
        let observer = context.defaultAccount
        // Status or selectors without the trails they describe are still read (their errors
        // reported), but cover nothing: only describe-trails counts as the data set present.
        let documents = context.documents(.describeTrails)
        var listed: [String: ListedTrail] = [:]
        var order: [String] = []
        for document in documents {
            coverage.saw("cloudtrail", account: observer, region: document.region)
            guard let answer = read(document, as: CloudTrailDescribeTrails.self, account: observer, context: &context, coverage: &coverage) else { continue }
            for raw in answer.trailList ?? [] {
                guard let trail = listedTrail(raw, in: document, observer: observer) else {
                    reject(document, "a trail has neither Name nor TrailARN", account: observer, context: &context, coverage: &coverage)
                    continue
                }
                coverage.saw("cloudtrail", account: trail.account, region: trail.homeRegion)
                coverage.region(trail.homeRegion, account: observer)
                if let existing = listed[trail.arn] {
                    // Keep the home region's copy: it is the trail itself, not its shadow.
                    if existing.listedIn != existing.homeRegion, trail.listedIn == trail.homeRegion { listed[trail.arn] = trail }
                } else {
                    listed[trail.arn] = trail
                    order.append(trail.arn)
                }
            }
        }
        let trails = order.compactMap { listed[$0] }
        let logging = trailStatuses(&context, trails: trails, coverage: &coverage)
        let events = trailEvents(&context, trails: trails, coverage: &coverage)
        let result = trails.map { trail in
            makeTrail(trail, logging: logging[trail.arn], events: events[trail.arn], buckets: buckets)
        }
        if !documents.isEmpty { setMultiRegionTrails(&context, trails: result, observer: observer) }
        return result
    }

    /// The listed trail's ARN, name and account; nil when it has neither name nor ARN.
    static func listedTrail(_ raw: CloudTrailTrail, in document: SnapshotDocument, observer: String) -> ListedTrail? {
        let name = raw.name ?? raw.trailARN.flatMap { arn in arn.range(of: ":trail/").map { String(arn[$0.upperBound...]) } }
        guard let name, !name.isEmpty else { return nil }
        let region = raw.homeRegion ?? document.region ?? "unknown"
        let arn = raw.trailARN ?? "arn:aws:cloudtrail:\(region):\(observer):trail/\(name)"
        let account = NormalizationContext.account(inARN: arn) ?? observer
        return ListedTrail(raw: raw, arn: arn, name: name, account: account, listedIn: document.region, document: document)
    }

    /// The trail a status or selectors answer is about: its subject (file name) is the trail's
    /// name or ARN; a name shared by trails in several regions picks the answer's region.
    static func matchTrail(_ subject: String?, region: String?, in trails: [ListedTrail]) -> ListedTrail? {
        guard let subject, !subject.isEmpty else { return nil }
        if let byARN = trails.first(where: { $0.arn == subject }) { return byARN }
        let named = trails.filter { $0.name == subject }
        return named.first { $0.homeRegion == region } ?? named.first
    }

    /// `IsLogging` per trail ARN.
    static func trailStatuses(_ context: inout NormalizationContext, trails: [ListedTrail], coverage: inout Coverage) -> [String: Bool] {
        var logging: [String: Bool] = [:]
        for document in context.documents(.getTrailStatus) {
            let trail = matchTrail(document.subject, region: document.region, in: trails)
            let account = trail?.account ?? context.defaultAccount
            guard let status = read(document, as: CloudTrailTrailStatus.self, account: account, context: &context, coverage: &coverage),
                  let trail, let isLogging = status.isLogging else { continue }
            logging[trail.arn] = isLogging
        }
        return logging
    }

    /// Recorded events per trail ARN; the answer's own `TrailARN` names the trail when the file does not.
    static func trailEvents(_ context: inout NormalizationContext, trails: [ListedTrail], coverage: inout Coverage) -> [String: TrailEvents] {
        var events: [String: TrailEvents] = [:]
        for document in context.documents(.getEventSelectors) {
            let named = matchTrail(document.subject, region: document.region, in: trails)
            let account = named?.account ?? context.defaultAccount
            guard let selectors = read(document, as: CloudTrailEventSelectors.self, account: account, context: &context, coverage: &coverage),
                  let trail = named ?? matchTrail(selectors.trailARN, region: document.region, in: trails) else { continue }
            events[trail.arn] = EventSelectorCoverage.events(selectors)
        }
        return events
    }

    static func makeTrail(_ listed: ListedTrail, logging: Bool?, events: TrailEvents?, buckets: [Bucket]) -> Trail {
        let raw = listed.raw
        // Server access logging of the bucket receiving the logs, when that bucket was read.
        let bucketLogging = raw.s3BucketName.flatMap { name in buckets.first { $0.name == name } }.flatMap { $0.logging?.enabled }
        return Trail(
            id: listed.arn, name: listed.name, provider: .aws, account: listed.account, region: listed.homeRegion ?? listed.listedIn,
            source: source(listed.document), enabled: logging, allRegions: raw.isMultiRegionTrail ?? false,
            organization: raw.isOrganizationTrail ?? false, integrity: raw.logFileValidationEnabled ?? false,
            encryptionKey: nonEmpty(raw.kmsKeyId), bucket: nonEmpty(raw.s3BucketName), events: events, bucketAccessLogging: bucketLogging,
            sections: AWSTrail(cloudWatchLogsGroup: nonEmpty(raw.cloudWatchLogsLogGroupArn)).asSections)
    }

    /// CIS 3.1's account fact: trails that are multi-region, logging, and record management read
    /// and write events. An organization trail counts for the account that listed it too (it
    /// logs every member account). Empty, not nil, once CloudTrail data was read.
    static func setMultiRegionTrails(_ context: inout NormalizationContext, trails: [Trail], observer: String) {
        let qualifying = trails.filter { trail in
            trail.allRegions && trail.enabled == true && trail.events?.managementRead == true && trail.events?.managementWrite == true
        }
        for account in Set(trails.map(\.account)).union([observer]) {
            let names = qualifying.filter { $0.account == account || ($0.organization && account == observer) }.map(\.name)
            context.update(account) { facts in
                facts.multiRegionTrails = Array(Set((facts.multiRegionTrails ?? []) + names)).sorted()
            }
        }
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
