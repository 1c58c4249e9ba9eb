import CEL
import Foundation
import Model
import Synchronization

/// Evaluates policies against an inventory: each policy on each resource of its kind and
/// provider, spread across cores. Compile once (at load), evaluate many times.
public struct PolicyEvaluator: Sendable {
    public let policies: [Policy]
    /// The scan time, bound to `now`.
    public let now: Date

    public init(policies: [Policy], now: Date) {
        self.policies = policies
        self.now = now
    }

    /// One finding per (policy, resource) pair, sorted by policy id then resource id.
    /// Passes are included; reports filter them.
    public func evaluate(_ inventory: Inventory) throws -> [Finding] {
        let coverage = Dictionary(inventory.accounts.map { ($0.account, Set($0.coverage)) }, uniquingKeysWith: { $0.union($1) })
        var findings: [Finding] = []
        findings += try evaluate(inventory.accounts, coverage: coverage)
        findings += try evaluate(inventory.identities, coverage: coverage)
        findings += try evaluate(inventory.buckets, coverage: coverage)
        findings += try evaluate(inventory.trails, coverage: coverage)
        return findings.sorted { ($0.policy.id, $0.resource.id) < ($1.policy.id, $1.resource.id) }
    }

    private func evaluate<R: Resource>(_ resources: [R], coverage: [String: Set<String>]) throws -> [Finding] {
        let applicable = policies.filter { $0.resource == R.kind }
        guard !applicable.isEmpty, !resources.isEmpty else { return [] }
        let nowValue = CELValue.timestamp(CELTimestamp(date: now))
        let chunkSize = max(64, resources.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = stride(from: 0, to: resources.count, by: chunkSize).map { $0..<min($0 + chunkSize, resources.count) }
        let results = Mutex([[Finding]](repeating: [], count: chunks.count))
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunkIndex in
            var local: [Finding] = []
            local.reserveCapacity(chunks[chunkIndex].count * applicable.count)
            do {
                for index in chunks[chunkIndex] {
                    let resource = resources[index]
                    let activation = Activation([R.kind.rawValue: try CELValueEncoder.encode(resource), PolicyEnvironment.nowVariable: nowValue])
                    let available = coverage[resource.account]
                    for policy in applicable where policy.provider == resource.provider {
                        local.append(Self.evaluate(policy, on: ResourceReference(resource), activation: activation, available: available))
                    }
                }
            } catch {
                failure.withLock { $0 = error }
            }
            results.withLock { $0[chunkIndex] = local }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { $0 }.flatMap { $0 }
    }

    /// Evaluates one policy on one resource already bound in `activation`.
    /// `available` is the set of data sets of the resource's account (nil when unknown).
    static func evaluate(_ policy: Policy, on resource: ResourceReference, activation: Activation, available: Set<String>?) -> Finding {
        let missing = policy.requires.filter { !(available?.contains($0) ?? false) }
        if !missing.isEmpty {
            return Finding(policy: PolicyReference(policy), resource: resource, status: .notAssessed,
                           message: "not assessed: no \(missing.joined(separator: ", ")) data")
        }
        let status: FindingStatus
        let message: String
        switch policy.violation.program.evaluate(activation) {
        case .success(.bool(false)):
            status = .pass
            message = ""
        case .success(.bool(true)):
            status = .fail
            switch policy.message.render(activation) {
            case let .success(text): message = text
            case let .failure(error): message = "\(policy.title) (message could not be rendered: \(error.message))"
            }
        case let .success(other):
            status = .error
            message = "violation evaluated to \(CELValueFormatter.json(other)), not a bool"
        case let .failure(error):
            status = .error
            message = "evaluation error at \(policy.violation.location.line):\(policy.violation.location.column + (error.position?.offset ?? 0)): \(error.message)"
        }
        return Finding(policy: PolicyReference(policy), resource: resource, status: status, message: message)
    }
}
