import Model

extension AuditNormalizer {
    /// AWS Config recorders per region, with their recording status. The `config` data set
    /// needs both answers for a region: recorders without their status (or the reverse) say
    /// nothing about whether anything is recorded, so such an input does not cover `config`.
    static func normalizeRecorders(_ context: inout NormalizationContext, coverage: inout Coverage) {
        let observer = context.defaultAccount
        let recorderDocuments = context.documents(.describeConfigurationRecorders)
        let statusDocuments = context.documents(.describeConfigurationRecorderStatus)
        guard !recorderDocuments.isEmpty || !statusDocuments.isEmpty else { return }
        // Status by region and recorder name.
        var statuses: [String: [String: ConfigServiceRecorderStatus]] = [:]
        var statusRegions: Set<String> = []
        for document in statusDocuments {
            let region = document.region ?? "unknown"
            statusRegions.insert(region)
            guard let answer = read(document, as: ConfigServiceRecorderStatusList.self, account: observer, context: &context, coverage: &coverage) else { continue }
            for status in answer.configurationRecordersStatus ?? [] {
                if let name = status.name { statuses[region, default: [:]][name] = status }
            }
        }
        var recorderRegions: Set<String> = []
        for document in recorderDocuments {
            let region = document.region ?? "unknown"
            recorderRegions.insert(region)
            guard let answer = read(document, as: ConfigServiceRecorders.self, account: observer, context: &context, coverage: &coverage) else { continue }
            for raw in answer.configurationRecorders ?? [] {
                let account = raw.arn.flatMap(NormalizationContext.account(inARN:)) ?? observer
                guard let name = raw.name else {
                    reject(document, "a configuration recorder has no name", account: account, context: &context, coverage: &coverage)
                    continue
                }
                let status = statuses[region]?[name]
                let recorder = ConfigRecorder(
                    region: region, name: name, recording: status?.recording ?? false,
                    allSupported: raw.recordingGroup?.recordsAllSupported ?? false,
                    includeGlobalResources: raw.recordingGroup?.includeGlobalResourceTypes ?? false)
                context.update(account) { $0.configRecorders.append(recorder) }
                if account != observer, statusRegions.contains(region) { coverage.saw("config", account: account, region: region) }
            }
        }
        for region in recorderRegions.union(statusRegions) { coverage.region(region, account: observer) }
        // Covered only when every region with one answer has the other too.
        if recorderRegions == statusRegions {
            coverage.saw("config", account: observer)
        }
    }

    /// IAM Access Analyzer analyzers per region; an empty list is data (no analyzer there).
    static func normalizeAnalyzers(_ context: inout NormalizationContext, coverage: inout Coverage) {
        let observer = context.defaultAccount
        for document in context.documents(.listAnalyzers) {
            coverage.saw("access-analyzer", account: observer, region: document.region)
            guard let answer = read(document, as: AccessAnalyzerList.self, account: observer, context: &context, coverage: &coverage) else { continue }
            for raw in answer.analyzers ?? [] {
                let account = raw.arn.flatMap(NormalizationContext.account(inARN:)) ?? observer
                guard let name = raw.name else {
                    reject(document, "an analyzer has no name", account: account, context: &context, coverage: &coverage)
                    continue
                }
                let region = document.region ?? raw.arn.flatMap(region(inARN:)) ?? "unknown"
                let analyzer = AccessAnalyzer(region: region, name: name, status: raw.status ?? "UNKNOWN", type: raw.type ?? "UNKNOWN")
                context.update(account) { $0.accessAnalyzers.append(analyzer) }
                coverage.saw("access-analyzer", account: account, region: region)
            }
        }
    }
}
