import CEL
import Findings
import Foundation
import Model
import Synchronization

/// Evaluates policies against an inventory: each policy on each resource of its kind and
/// provider, spread across cores. Compile once (at load), evaluate many times.
///
/// Where an account's input lacks a data set a policy `requires`, the policy is reported
/// *not assessed* once for that account (not once per resource, and never as a pass).
/// Requirements on a resource's own settings (`bucket.policy`) are checked per resource.
public struct PolicyEvaluator: Sendable {
    public let policies: [Policy]
    /// The kind list of the model the policies were loaded against.
    public let kinds: [KindDescriptor]
    /// The scan time, bound to `now`.
    public let now: Date

    public init(policies: [Policy], model: ModelCatalog, now: Date) {
        self.policies = policies
        kinds = model.kinds
        self.now = now
    }

    /// The data sets each account's input held, by provider and account id.
    typealias Coverage = [AccountKey: Set<String>]

    /// An account as coverage knows it: ids are unique per provider, not across providers.
    struct AccountKey: Hashable, Sendable {
        let provider: ProviderID
        let account: String
    }


    /// Findings ordered by policy id, then resource id. Passes are included; reports filter them.
    public func evaluate(_ inventory: Inventory) -> [Finding] {
        let coverage = Dictionary(inventory.accounts.map { (AccountKey(provider: $0.provider, account: $0.account), Set($0.coverage)) },
                                  uniquingKeysWith: { $0.union($1) })
        // Kinds in the order of the kind list, which is the order their findings join a policy
        // id's run (accounts first, keys last).
        let planners: [@Sendable () -> KindWork?] = kinds.map { descriptor in
            { plan(descriptor.kind, inventory, coverage: coverage) }
        }
        // Kinds are sorted side by side, then all their chunks share one pool of cores:
        // one kind after another left a core idle at the end of each.
        let planned = Mutex([KindWork?](repeating: nil, count: planners.count))
        DispatchQueue.concurrentPerform(iterations: planners.count) { index in
            let work = planners[index]()
            planned.withLock { $0[index] = work }
        }
        let works = planned.withLock { $0 }
        let tasks = works.indices.flatMap { kind in (0..<(works[kind]?.chunkCount ?? 0)).map { (kind, $0) } }
        let results = Mutex(works.map { [[Finding?]](repeating: [], count: $0?.chunkCount ?? 0) })
        DispatchQueue.concurrentPerform(iterations: tasks.count) { taskIndex in
            let (kind, chunk) = tasks[taskIndex]
            guard let local = works[kind]?.run(chunk) else { return }
            results.withLock { $0[kind][chunk] = local }
        }
        // Taken out of the mutex so the blocks are uniquely owned: findings then move out
        // of them (`take()`) straight into the result instead of being copied twice.
        var blocks = results.withLock { blocks in
            defer { blocks = [] }
            return blocks
        }
        var unassessable: [String: [Finding]] = [:]
        reportUnassessable(inventory, coverage: coverage, into: &unassessable)
        return assemble(works.map { $0?.applicable ?? [] }, &blocks, unassessable: unassessable)
    }

    /// One kind's sorted resources and applicable policies, evaluated chunk by chunk.
    private struct KindWork: Sendable {
        let applicable: [Policy]
        let chunkCount: Int
        let run: @Sendable (Int) -> [Finding?]
    }

    /// Sorts the resources of `kind` and cuts them into chunks (nil when no policy or no resource).
    ///
    /// Resources are handled as `any Resource`, not through a generic over their type: the
    /// kind list reaches their types only at run time, and unspecialized generic code copied
    /// every resource through value witnesses (it ran the pack at half the speed). An
    /// existential costs one dynamic call per field read, and `celValue` runs specialized.
    private func plan(_ kind: ResourceKind, _ inventory: Inventory, coverage: Coverage) -> KindWork? {
        let applicable = policies.filter { $0.resource == kind }.sorted { $0.id < $1.id }
        // Erasing a kind's resources copies and retains each one: only for kinds some policy reads.
        guard !applicable.isEmpty, inventory.count(of: kind) > 0 else { return nil }
        let unsorted = inventory.resources(of: kind)
        // Sorted by id read once per resource, not twice per comparison through the existential;
        // equal ids keep their input order.
        let ids = unsorted.map(\.id)
        let resources = ids.indices.sorted { ids[$0] != ids[$1] ? ids[$0] < ids[$1] : $0 < $1 }.map { unsorted[$0] }
        let references = applicable.map(PolicyReference.init)
        let chunkSize = max(64, resources.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = stride(from: 0, to: resources.count, by: chunkSize).map { $0..<min($0 + chunkSize, resources.count) }
        return KindWork(applicable: applicable, chunkCount: chunks.count) { chunk in
            evaluateChunk(kind, resources[chunks[chunk]], applicable, references, coverage: coverage)
        }
    }

    /// Reads the policy-major blocks out policy by policy, in policy id order; for one id,
    /// kinds in planning order, then its *not assessed* account findings.
    private func assemble(_ applicable: [[Policy]], _ blocks: inout [[[Finding?]]], unassessable: [String: [Finding]]) -> [Finding] {
        var order: [(id: String, kind: Int, policy: Int)] = []
        for kind in applicable.indices {
            for policy in applicable[kind].indices { order.append((applicable[kind][policy].id, kind, policy)) }
        }
        order.sort { ($0.id, $0.kind, $0.policy) < ($1.id, $1.kind, $1.policy) }
        var findings: [Finding] = []
        findings.reserveCapacity(blocks.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } + unassessable.values.reduce(0) { $0 + $1.count })
        var next = order.startIndex
        for id in Set(order.map(\.id)).union(unassessable.keys).sorted() {
            while next < order.endIndex, order[next].id == id {
                let (_, kind, policy) = order[next]
                for block in blocks[kind].indices {
                    let resourceCount = blocks[kind][block].count / applicable[kind].count
                    for row in (policy * resourceCount)..<((policy + 1) * resourceCount) {
                        if let finding = blocks[kind][block][row].take() { findings.append(finding) }
                    }
                }
                next += 1
            }
            findings.append(contentsOf: unassessable[id] ?? [])
        }
        return findings
    }

    /// The account-wide data sets of `policy` that `available` lacks (resource-level
    /// requirements such as `bucket.policy` are left to each resource).
    static func missingAccountData(_ policy: Policy, available: Set<String>?) -> [String] {
        policy.requirements.compactMap { alternatives -> String? in
            guard !alternatives.contains(where: { $0.contains(".") }) else { return nil }
            let met = alternatives.contains { available?.contains($0) ?? false }
            return met ? nil : alternatives.joined(separator: "|")
        }
    }

    /// One *not assessed* finding per (policy, account) for policies on other kinds whose
    /// account-wide data the account lacks — whether or not it has resources of the kind.
    private func reportUnassessable(_ inventory: Inventory, coverage: Coverage, into byPolicy: inout [String: [Finding]]) {
        for policy in policies.sorted(by: { $0.id < $1.id }) where policy.resource != .account && !policy.requires.isEmpty {
            let reference = PolicyReference(policy)
            for account in inventory.accounts.sorted(by: { $0.id < $1.id }) where account.provider == policy.provider {
                let missing = Self.missingAccountData(policy, available: coverage[AccountKey(provider: account.provider, account: account.account)])
                guard !missing.isEmpty else { continue }
                byPolicy[policy.id, default: []].append(Finding(
                    policy: reference, resource: ResourceReference(account), status: .notAssessed,
                    message: Self.notAssessedMessage(missing)))
            }
        }
    }

    /// One chunk of resources, policy-major: a row of `resources.count` results per policy
    /// (nil where the policy is for another provider, or is not assessable for the account).
    /// Policy-major so that the sequential read-out in `assemble` walks memory in order
    /// (reading a resource-major block policy by policy missed the cache on every finding).
    private func evaluateChunk(
        _ kind: ResourceKind, _ resources: ArraySlice<any Resource>, _ applicable: [Policy], _ references: [PolicyReference], coverage: Coverage
    ) -> [Finding?] {
        var local = [Finding?](repeating: nil, count: resources.count * applicable.count)
        var conversion = CELConversion()
        // Only the fields some applicable policy reads are converted.
        let selection = applicable.dropFirst().reduce(applicable.first?.fields ?? .all) { $0.union($1.fields) }
        // Variable names hashed once, not per resource.
        let resourceKey = FieldKey(kind.rawValue), nowKey = FieldKey(PolicyEnvironment.nowVariable)
        let nowValue = CELValue.timestamp(CELTimestamp(date: now))
        let needsSettings = applicable.contains { $0.requires.contains { $0.contains(".") } }
        // Resources come sorted by id, so runs share an account: look its coverage up once per run.
        var account: AccountKey?
        var accountData: Set<String>?
        var blocked: [Bool] = []
        var blockedByAccount: [AccountKey: [Bool]] = [:]
        for index in resources.indices {
            if resources[index].account != account?.account || resources[index].provider != account?.provider {
                let id = AccountKey(provider: resources[index].provider, account: resources[index].account)
                account = id
                accountData = coverage[id]
                // Policies on other kinds than accounts are reported once per account when its data is missing.
                if let known = blockedByAccount[id] {
                    blocked = known
                } else {
                    blocked = applicable.map { kind != .account && !Self.missingAccountData($0, available: accountData).isEmpty }
                    blockedByAccount[id] = blocked
                }
            }
            var bindings = CELMap.Fields(capacity: 2)
            bindings.append(resourceKey, resources[index].celValue(&conversion, fields: selection))
            bindings.append(nowKey, nowValue)
            let activation = Activation(bindings)
            let reference = ResourceReference(resources[index])
            var available = accountData
            if needsSettings {
                // Resource-level requirements (`bucket.policy`) are met by what this resource's input held.
                available = (available ?? []).union(resources[index].collected.map { "\(kind.rawValue).\($0)" })
            }
            let provider = resources[index].provider
            for policyIndex in applicable.indices {
                let policy = applicable[policyIndex]
                guard policy.provider == provider, !blocked[policyIndex] else { continue }
                local[policyIndex * resources.count + (index - resources.startIndex)] =
                    Self.evaluate(policy, references[policyIndex], on: reference, activation: activation, available: available)
            }
        }
        return local
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
        if !policy.requirements.isEmpty {
            let missing = policy.requirements.filter { alternatives in !alternatives.contains { available?.contains($0) ?? false } }
            if !missing.isEmpty {
                return Finding(policy: policyReference, resource: resource, status: .notAssessed,
                               message: notAssessedMessage(missing.map { $0.joined(separator: "|") }))
            }
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

private extension Optional {
    /// Moves the value out, leaving nil (no copy, no extra retain).
    mutating func take() -> Wrapped? {
        defer { self = nil }
        return self
    }
}
