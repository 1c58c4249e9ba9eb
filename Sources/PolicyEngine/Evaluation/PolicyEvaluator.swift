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

    /// One finding per (policy, resource) pair, ordered by policy id, then resource id.
    /// Passes are included; reports filter them.
    public func evaluate(_ inventory: Inventory) -> [Finding] {
        let coverage = Dictionary(inventory.accounts.map { ($0.account, Set($0.coverage)) }, uniquingKeysWith: { $0.union($1) })
        var byPolicy: [String: [Finding]] = [:]
        evaluate(inventory.accounts, coverage: coverage, into: &byPolicy)
        evaluate(inventory.identities, coverage: coverage, into: &byPolicy)
        evaluate(inventory.buckets, coverage: coverage, into: &byPolicy)
        evaluate(inventory.trails, coverage: coverage, into: &byPolicy)
        return byPolicy.keys.sorted().flatMap { byPolicy[$0] ?? [] }
    }

    /// Evaluates the policies on `R` over resources in parallel chunks; each chunk fills its
    /// own resource-major block, which is then read out policy by policy (no global sort).
    private func evaluate<R: Resource>(_ unsorted: [R], coverage: [String: Set<String>], into byPolicy: inout [String: [Finding]]) {
        let applicable = policies.filter { $0.resource == R.kind }.sorted { $0.id < $1.id }
        guard !applicable.isEmpty, !unsorted.isEmpty else { return }
        let resources = unsorted.sorted { $0.id < $1.id }
        let references = applicable.map(PolicyReference.init)
        let chunkSize = max(64, resources.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = stride(from: 0, to: resources.count, by: chunkSize).map { $0..<min($0 + chunkSize, resources.count) }
        let results = Mutex([[Finding?]](repeating: [], count: chunks.count))
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunkIndex in
            let local = evaluateChunk(resources[chunks[chunkIndex]], applicable, references, coverage: coverage)
            results.withLock { $0[chunkIndex] = local }
        }
        // Take the blocks out of the mutex so they are uniquely owned: findings then move
        // out of them (`take()`) instead of being copied, retained and released again.
        var blocks = results.withLock { blocks in
            defer { blocks = [] }
            return blocks
        }
        for (policyIndex, policy) in applicable.enumerated() {
            var findings: [Finding] = []
            findings.reserveCapacity(resources.count)
            for blockIndex in blocks.indices {
                for row in stride(from: policyIndex, to: blocks[blockIndex].count, by: applicable.count) {
                    if let finding = blocks[blockIndex][row].take() { findings.append(finding) }
                }
            }
            if var earlier = byPolicy.removeValue(forKey: policy.id) {
                earlier.append(contentsOf: findings)
                byPolicy[policy.id] = earlier
            } else {
                byPolicy[policy.id] = findings
            }
        }
    }

    /// One chunk of resources, resource-major: a row of `applicable.count` results per resource
    /// (nil where the policy is for another provider).
    private func evaluateChunk<R: Resource>(
        _ resources: ArraySlice<R>, _ applicable: [Policy], _ references: [PolicyReference], coverage: [String: Set<String>]
    ) -> [Finding?] {
        var local: [Finding?] = []
        local.reserveCapacity(resources.count * applicable.count)
        var values = ResourceValues()
        // Variable names hashed once, not per resource.
        let resourceKey = FieldKey(R.kind.rawValue), nowKey = FieldKey(PolicyEnvironment.nowVariable)
        let nowValue = CELValue.timestamp(CELTimestamp(date: now))
        // Resources come sorted by id, so runs share an account: look its coverage up once per run.
        var account: String?
        var available: Set<String>?
        for index in resources.indices {
            var bindings = CELMap.Fields(capacity: 2)
            bindings.append(resourceKey, values.value(resources[index]))
            bindings.append(nowKey, nowValue)
            let activation = Activation(bindings)
            let reference = ResourceReference(resources[index])
            if resources[index].account != account {
                account = resources[index].account
                available = coverage[resources[index].account]
            }
            let provider = resources[index].provider
            for policyIndex in applicable.indices {
                let policy = applicable[policyIndex]
                guard policy.provider == provider else { local.append(nil); continue }
                local.append(Self.evaluate(policy, references[policyIndex], on: reference, activation: activation, available: available))
            }
        }
        return local
    }

    /// Evaluates one policy on one resource already bound in `activation`.
    /// `available` is the set of data sets of the resource's account (nil when unknown).
    static func evaluate(
        _ policy: Policy, _ policyReference: PolicyReference, on resource: ResourceReference, activation: Activation, available: Set<String>?
    ) -> Finding {
        let missing = policy.requires.filter { !(available?.contains($0) ?? false) }
        if !missing.isEmpty {
            return Finding(policy: policyReference, resource: resource, status: .notAssessed,
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
        return Finding(policy: policyReference, resource: resource, status: status, message: message)
    }
}
