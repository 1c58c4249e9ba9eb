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
        evaluate(inventory.keys, coverage: coverage, into: &byPolicy)
        reportUnassessable(inventory, coverage: coverage, into: &byPolicy)
        return byPolicy.keys.sorted().flatMap { byPolicy[$0] ?? [] }
    }

    /// A policy on a kind the input has no resources of, for an account that lacks the data the
    /// policy needs (a bundle without CloudTrail files has no trails), is reported *not assessed*
    /// on that account — so every such policy shows up, rather than vanishing from the report.
    private func reportUnassessable(_ inventory: Inventory, coverage: [String: Set<String>], into byPolicy: inout [String: [Finding]]) {
        var accountsWithKind: [ResourceKind: Set<String>] = [:]
        accountsWithKind[.identity] = Set(inventory.identities.map(\.account))
        accountsWithKind[.bucket] = Set(inventory.buckets.map(\.account))
        accountsWithKind[.trail] = Set(inventory.trails.map(\.account))
        accountsWithKind[.key] = Set(inventory.keys.map(\.account))
        for policy in policies.sorted(by: { $0.id < $1.id }) where policy.resource != .account && !policy.requires.isEmpty {
            let reference = PolicyReference(policy)
            for account in inventory.accounts.sorted(by: { $0.id < $1.id }) where account.provider == policy.provider {
                guard !(accountsWithKind[policy.resource]?.contains(account.account) ?? false) else { continue }
                // Only account-wide data sets decide here; resource-level ones (`bucket.policy`)
                // cannot be missing where there is no resource.
                let accountWide = policy.requires.compactMap { requirement -> String? in
                    let alternatives = requirement.split(separator: "|").filter { !$0.contains(".") }
                    return alternatives.isEmpty ? nil : alternatives.joined(separator: "|")
                }
                let missing = accountWide.filter { requirement in
                    !requirement.split(separator: "|").contains { coverage[account.account]?.contains(String($0)) ?? false }
                }
                guard !missing.isEmpty else { continue }
                byPolicy[policy.id, default: []].append(Finding(
                    policy: reference, resource: ResourceReference(account), status: .notAssessed,
                    message: Self.notAssessedMessage(missing)))
            }
        }
    }

    /// Evaluates the policies on `R` over resources in parallel chunks; each chunk fills its
    /// own resource-major block, which is then read out policy by policy (no global sort).
    private func evaluate<R: Resource>(_ unsorted: [R], coverage: [String: Set<String>], into byPolicy: inout [String: [Finding]]) {
        let applicable = policies.filter { $0.resource == R.kind }.sorted { $0.id < $1.id }
        guard !applicable.isEmpty, !unsorted.isEmpty else { return }
        let resources = unsorted.sorted { $0.id < $1.id }
        let references = applicable.map(PolicyReference.init)
        let needsSettings = applicable.contains { $0.requires.contains { $0.contains(".") } }
        let nowValue = CELValue.timestamp(CELTimestamp(date: now))
        let chunkSize = max(64, resources.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = stride(from: 0, to: resources.count, by: chunkSize).map { $0..<min($0 + chunkSize, resources.count) }
        let results = Mutex([[Finding?]](repeating: [], count: chunks.count))
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunkIndex in
            var local: [Finding?] = []
            local.reserveCapacity(chunks[chunkIndex].count * applicable.count)
            var values = ResourceValues()
                for index in chunks[chunkIndex] {
                    let resource = resources[index]
                    let activation = Activation([R.kind.rawValue: values.value(of: resource), PolicyEnvironment.nowVariable: nowValue])
                    let reference = ResourceReference(resource)
                    var available = coverage[resource.account]
                    if needsSettings {
                        // Resource-level requirements (`bucket.policy`) are met by what this resource's input held.
                        available = (available ?? []).union(resource.collectedSettings.map { "\(R.kind.rawValue).\($0)" })
                    }
                    for (policyIndex, policy) in applicable.enumerated() {
                        guard policy.provider == resource.provider else { local.append(nil); continue }
                        local.append(Self.evaluate(policy, references[policyIndex], on: reference, activation: activation, available: available))
                    }
                }
            results.withLock { $0[chunkIndex] = local }
        }
        let blocks = results.withLock { $0 }
        for (policyIndex, policy) in applicable.enumerated() {
            var findings: [Finding] = []
            findings.reserveCapacity(resources.count)
            for block in blocks {
                for row in stride(from: policyIndex, to: block.count, by: applicable.count) {
                    if let finding = block[row] { findings.append(finding) }
                }
            }
            byPolicy[policy.id, default: []] += findings
        }
    }

    /// `not assessed: no cloudtrail data`; `bucket.policy` reads as "no bucket policy data".
    static func notAssessedMessage(_ missing: [String]) -> String {
        let names = missing.map { $0.replacingOccurrences(of: "|", with: " or ").replacingOccurrences(of: ".", with: " ") }
        return "not assessed: no \(names.joined(separator: ", ")) data"
    }

    /// Evaluates one policy on one resource already bound in `activation`.
    /// `available` is the set of data sets of the resource's account (nil when unknown).
    static func evaluate(
        _ policy: Policy, _ policyReference: PolicyReference, on resource: ResourceReference, activation: Activation, available: Set<String>?
    ) -> Finding {
        let missing = policy.requires.filter { requirement in
            !requirement.split(separator: "|").contains { available?.contains(String($0)) ?? false }
        }
        if !missing.isEmpty {
            return Finding(policy: policyReference, resource: resource, status: .notAssessed, message: notAssessedMessage(missing))
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
