import Findings
import Foundation
import Model
import PolicyEngine
import ProviderKit
import Reporting
import Triage

/// The scan pipeline, the same for every provider and for files and live APIs: read or collect
/// each input through the registry, normalize, evaluate the policies of the providers read,
/// build the report, triage it (waivers, baseline), write every report and decide the exit code.
public struct Scanner: Sendable {
    public let registry: ProviderRegistry

    public init(registry: ProviderRegistry) {
        self.registry = registry
    }

    /// Runs the scan. A failure to read any input at all (a path that does not exist, an export
    /// nothing recognises, credentials that do not work) stops it with exit 2 and one line.
    public func run(_ request: ScanRequest, events: any ScanEvents) async -> ScanOutcome {
        var clock = PhaseClock(events: events)
        let gathered: Gathered
        switch await gather(request.inputs, events: events, clock: &clock) {
        case let .success(result): gathered = result
        case let .failure(failure):
            events.message("error: \(failure.description)")
            return ScanOutcome(report: nil, exit: .inputError)
        }
        let selected = request.catalog.policies.filter { gathered.providers.contains($0.provider) && request.builder.selects($0) }
        let time = request.now ?? gathered.collected ?? Date()
        let findings = PolicyEvaluator(policies: selected, model: request.catalog.model, now: time).evaluate(gathered.inventory)
        clock.lap("evaluate")
        var report = request.builder.build(
            source: gathered.sources.joined(separator: ", "), providers: gathered.providers, kinds: registry.model.kinds.map(\.kind),
            time: time, inventory: gathered.inventory, policies: selected, findings: findings, responsibility: request.catalog.responsibility)
        clock.lap("report")
        // Waivers are promises made in real time: expiry is judged against --now, else the clock,
        // never against an old snapshot's collection time.
        triage(&report, request, now: request.now ?? Date(), events: events)
        let context = ReportContext(policies: selected, profiles: registry.model.profiles, responsibility: request.catalog.responsibility,
                                    toolVersion: request.toolVersion)
        let written = ReportWriter.write(report, to: request.outputs, context: context, gate: request.gate, includePass: request.includePass,
                                         events: events)
        let verdict = ExitDecision.verdict(report, gate: request.gate)
        if request.gate.softFail, verdict != .clean { events.message("posture: --soft-fail: exiting 0 instead of \(verdict.rawValue)") }
        guard written else { return ScanOutcome(report: report, exit: .inputError) }
        return ScanOutcome(report: report, exit: ExitDecision.decide(report, gate: request.gate))
    }

    /// Applies the waivers and the baseline, and warns about waivers that expired or matched
    /// nothing, so CI logs show them whatever the formats.
    private func triage(_ report: inout ScanReport, _ request: ScanRequest, now: Date, events: any ScanEvents) {
        request.waivers?.apply(to: &report, now: now)
        request.baseline?.apply(to: &report)
        for waiver in report.waivers?.waivers ?? [] {
            switch waiver.state {
            case .expired:
                events.message("\(waiver.source): warning: waiver for \(waiver.policy) on \(waiver.resource) expired on \(waiver.expires)"
                    + (waiver.matched > 0 ? "; \(waiver.matched) finding(s) no longer waived" : ""))
            case .stale:
                events.message("\(waiver.source): warning: waiver for \(waiver.policy) on \(waiver.resource) matched no failing finding (stale)")
            case .active:
                break
            }
        }
    }

    /// Every input's inventory, merged, with the providers read and the labels of the inputs.
    struct Gathered {
        var inventory = Inventory()
        var providers: [ProviderID] = []
        var sources: [String] = []
        var collected: Date?
    }

    private func gather(_ inputs: [ScanRequest.Input], events: any ScanEvents, clock: inout PhaseClock) async -> Result<Gathered, ScanFailure> {
        var gathered = Gathered()
        var owners: [String: String] = [:] // "provider/account" → the input that holds it
        for input in inputs {
            let read: (inventory: Inventory, providers: [ProviderID], source: String, collected: Date?)
            switch input {
            case let .snapshot(path):
                switch readSnapshot(path) {
                case let .success(result): read = (result.inventory, result.providers, path, result.collected)
                case let .failure(failure): return .failure(failure)
                }
                clock.lap("read and normalize")
            case let .live(collector, label):
                switch await collect(collector, label: label, events: events) {
                case let .success(result): read = result
                case let .failure(failure): return .failure(failure)
                }
                clock.lap("collect and normalize")
            }
            for account in read.inventory.accounts {
                let key = "\(account.provider)/\(account.account)"
                if let other = owners[key] {
                    return .failure(ScanFailure("\(other) and \(read.source) both hold \(account.provider) account \(account.account); "
                        + "give one input per account (put partial exports of one account in one folder)"))
                }
                owners[key] = read.source
            }
            gathered.inventory.merge(read.inventory)
            gathered.providers += read.providers.filter { !gathered.providers.contains($0) }
            gathered.sources.append(read.source)
            gathered.collected = gathered.collected ?? read.collected
        }
        return .success(gathered)
    }

    private func readSnapshot(_ path: String) -> Result<InputRead, ScanFailure> {
        guard FileManager.default.fileExists(atPath: path) else {
            let live = registry.provider(ProviderID(path)) != nil ? " (to scan the account through the API: posture scan \(path) --live)" : ""
            return .failure(ScanFailure("\(path): no such file or folder\(live)"))
        }
        let read = registry.read(path)
        if read.isEmpty {
            let reasons = read.emptyReasons.prefix(10)
            return .failure(ScanFailure("\(path): no \(registry.names) configuration found" + (reasons.isEmpty ? "" : ":\n  " + reasons.joined(separator: "\n  "))))
        }
        return .success(read)
    }

    private func collect(_ collector: any LiveCollector, label: String, events: any ScanEvents) async
        -> Result<(inventory: Inventory, providers: [ProviderID], source: String, collected: Date?), ScanFailure> {
        let progress = CollectionProgress()
        await events.collectionStarted(label: label, progress: progress)
        let result = await Self.collect(collector, progress: progress)
        await events.collectionFinished(label: label)
        return result.map { collected in
            events.info("\(label): \(collected.summary)")
            return (collected.inventory, [collected.provider], "\(collected.provider) live: account \(collected.account)", collected.time)
        }
    }

    /// Opens the collector's concrete type: its snapshot goes through its own provider's normalizer.
    static func collect<C: LiveCollector>(_ collector: C, progress: CollectionProgress) async -> Result<Collected, ScanFailure> {
        do {
            let collected = try await collector.collect(progress: progress)
            let inventory = collector.provider.normalize(collected.snapshot)
            return .success(Collected(
                inventory: inventory, provider: collector.provider.id, account: collected.account, time: collected.snapshot.collected,
                summary: "account \(collected.account), regions \(collected.regions.joined(separator: ",")): "
                    + "\(collected.requests) API calls, \(collected.retries) retries, \(collected.failures.count) failed"))
        } catch {
            return .failure(ScanFailure(error.description))
        }
    }

    struct Collected {
        var inventory: Inventory
        var provider: ProviderID
        var account: String
        var time: Date?
        var summary: String
    }
}

/// Why a scan could not run.
public struct ScanFailure: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
