/// Which data sets each account's input held, and which of them failed: an account covers a
/// data set only when it was seen and nothing of it failed, so a policy needing half-read data
/// is *not assessed*, never passed on the half it got. Also the regions each account's answers
/// came from.
public struct CoverageLedger: Sendable {
    private var present: [String: Set<String>] = [:]
    private var failed: [String: Set<String>] = [:]
    private var regions: [String: Set<String>] = [:]

    public init() {}

    /// `dataSet` was read for `account` (in `region`, for a regional answer).
    public mutating func saw(_ dataSet: String, account: String, region: String? = nil) {
        present[account, default: []].insert(dataSet)
        if let region { regions[account, default: []].insert(region) }
    }

    /// Part of `dataSet` could not be read for `account`.
    public mutating func fail(_ dataSet: String, account: String) {
        failed[account, default: []].insert(dataSet)
    }

    /// An answer for `account` came from `region`.
    public mutating func region(_ region: String?, account: String) {
        if let region { regions[account, default: []].insert(region) }
    }

    public func covers(_ dataSet: String, account: String) -> Bool {
        present[account]?.contains(dataSet) == true && failed[account]?.contains(dataSet) != true
    }

    /// Every account met (with `includingFailed`, also those where only failures were met),
    /// with the data sets it covers and the regions seen.
    public func accounts(includingFailed: Bool) -> [(account: String, covered: Set<String>, regions: Set<String>)] {
        var ids = Set(present.keys).union(regions.keys)
        if includingFailed { ids.formUnion(failed.keys) }
        return ids.sorted().map { id in (id, (present[id] ?? []).subtracting(failed[id] ?? []), regions[id] ?? []) }
    }
}
