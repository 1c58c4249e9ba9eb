import CEL
import Synchronization

/// The last few results of `iam.permittedCombinations`, with the indexes they came from,
/// keyed by the identity of the lists they were computed from.
///
/// A failing identity asks the same question several times: in the violation, again in the
/// message, and in every policy that holds the same check; building the index and checking
/// ~55 actions each time was most of the cost of IAM policies.
///
/// Why identity is a safe key: whatever holds an address also holds its list, so the buffer
/// stays allocated (the address cannot be reused by another list meanwhile), and a buffer
/// shared this way is never written in place (copy on write). Same buffer address therefore
/// means the same elements. Lists without a buffer (empty) are never cached.
///
/// Combinations lists are usually literals, one copy per program: each buffer is mapped once
/// (by content, `sameStrings`) to the first equal list seen, so equal copies share answers.
final class PermissionIndexCache: Sendable {
    static let shared = PermissionIndexCache()

    private struct Entry {
        let policies: [CELValue]
        let policiesID: Int
        let now: CELTimestamp?
        let index: PermissionIndex
        /// The last (canonical) combinations list asked about, and its answer.
        let combinations: [CELValue]
        let combinationsID: Int
        let result: CELValue
    }

    /// A combinations list and the first equal list seen (both held, see above).
    private struct Alias {
        let list: [CELValue]
        let id: Int
        let canonical: [CELValue]
        let canonicalID: Int
    }

    private struct State {
        var entries: [Entry] = []
        var nextEntry = 0
        var aliases: [Alias] = []
        var nextAlias = 0
    }

    /// Few entries: consecutive calls are on the same identity (one per worker thread).
    private static let capacity = 8
    private let state = Mutex(State())

    /// A list's buffer address, or nil when it has none worth keying on.
    static func identity(_ list: [CELValue]) -> Int? {
        guard !list.isEmpty else { return nil }
        return list.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { Int(bitPattern: $0) } }
    }

    /// The combinations of `combinations` that `policies` allow at `now`, cached.
    func permitted(
        _ policies: [CELValue], _ combinations: [CELValue], now: CELTimestamp?,
        compute: (PermissionIndex) throws(CELEvaluationError) -> CELValue
    ) throws(CELEvaluationError) -> CELValue {
        guard let policiesID = Self.identity(policies), let listID = Self.identity(combinations) else {
            return try compute(try PermissionIndex(policies: .list(policies), now: now))
        }
        let (canonical, combinationsID) = self.canonical(combinations, listID)
        let found = state.withLock { state -> (PermissionIndex, CELValue?)? in
            guard let entry = state.entries.first(where: { $0.policiesID == policiesID && $0.now == now }) else { return nil }
            // Not `? result : nil`: CELValue is ExpressibleByNilLiteral, so that nil would be CEL's null.
            let answer: CELValue? = entry.combinationsID == combinationsID ? .some(entry.result) : .none
            return (entry.index, answer)
        }
        if let result = found?.1 { return result }
        let index: PermissionIndex
        if let known = found?.0 { index = known } else { index = try PermissionIndex(policies: .list(policies), now: now) }
        let result = try compute(index)
        remember(Entry(policies: policies, policiesID: policiesID, now: now, index: index,
                       combinations: canonical, combinationsID: combinationsID, result: result))
        return result
    }

    /// The first list seen equal to `list`, and its address.
    private func canonical(_ list: [CELValue], _ id: Int) -> ([CELValue], Int) {
        if let known = state.withLock({ state in state.aliases.first { $0.id == id } }) { return (known.canonical, known.canonicalID) }
        // Compared outside the lock: the aliases are copied out, the lists are values.
        let aliases = state.withLock { $0.aliases }
        let equal = aliases.first { Self.sameStrings($0.canonical, list) }
        let alias = Alias(list: list, id: id, canonical: equal?.canonical ?? list, canonicalID: equal?.canonicalID ?? id)
        state.withLock { state in
            if state.aliases.count < Self.capacity {
                state.aliases.append(alias)
            } else {
                state.aliases[state.nextAlias] = alias
                state.nextAlias = (state.nextAlias + 1) % Self.capacity
            }
        }
        return (alias.canonical, alias.canonicalID)
    }

    /// Whether two lists hold the same strings (or lists of them), byte for byte. Anything
    /// else compares unequal (a cache miss, never a wrong answer).
    static func sameStrings(_ lhs: [CELValue], _ rhs: [CELValue]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for index in lhs.indices {
            switch (lhs[index], rhs[index]) {
            case var (.string(left), .string(right)):
                guard left.withUTF8({ a in right.withUTF8 { b in a.elementsEqual(b) } }) else { return false }
            case let (.list(left), .list(right)):
                guard sameStrings(left, right) else { return false }
            default:
                return false
            }
        }
        return true
    }

    private func remember(_ entry: Entry) {
        state.withLock { state in
            if let slot = state.entries.firstIndex(where: { $0.policiesID == entry.policiesID && $0.now == entry.now }) {
                state.entries[slot] = entry
            } else if state.entries.count < Self.capacity {
                state.entries.append(entry)
            } else {
                state.entries[state.nextEntry] = entry
                state.nextEntry = (state.nextEntry + 1) % Self.capacity
            }
        }
    }
}
