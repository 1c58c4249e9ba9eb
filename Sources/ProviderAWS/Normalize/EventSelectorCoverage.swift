import Model

/// Which events a trail's selectors record, as CIS reads them: management read and write events
/// (CIS 3.1), and S3 object-level read (3.9) and write (3.8) events **for all buckets** — a
/// selector naming some buckets does not count. Where a selector's meaning is unclear (an
/// unknown `ReadWriteType`, a field that narrows events in a way not modelled here) it is read
/// as recording less, so that doubt shows as a finding rather than a silent pass.
enum EventSelectorCoverage {
    /// Read and/or write events.
    struct Access: OptionSet, Sendable {
        let rawValue: Int
        static let read = Access(rawValue: 1)
        static let write = Access(rawValue: 2)
        static let all: Access = [.read, .write]
    }

    /// The events a `get-event-selectors` answer records (classic and advanced selectors together).
    static func events(_ selectors: CloudTrailEventSelectors) -> TrailEvents {
        let classic = classic(selectors.eventSelectors ?? [])
        let advanced = advanced(selectors.advancedEventSelectors ?? [])
        return trailEvents(management: classic.management.union(advanced.management), s3Data: classic.s3Data.union(advanced.s3Data))
    }

    static func trailEvents(management: Access, s3Data: Access) -> TrailEvents {
        TrailEvents(managementRead: management.contains(.read), managementWrite: management.contains(.write),
                    dataRead: s3Data.contains(.read), dataWrite: s3Data.contains(.write))
    }

    // MARK: Classic selectors

    /// Classic selectors: each records management events unless `IncludeManagementEvents` is
    /// false, and data events for its `DataResources`, both limited by `ReadWriteType`. A
    /// selector with `ExcludeManagementEventSources` (AWS KMS, RDS Data API) does not record
    /// *all* management events, which is what CIS 3.1 and Security Hub CloudTrail.1 ask for.
    static func classic(_ selectors: [CloudTrailEventSelector]) -> (management: Access, s3Data: Access) {
        var management: Access = []
        var s3Data: Access = []
        for selector in selectors {
            let access = access(readWriteType: selector.readWriteType)
            if selector.includeManagementEvents ?? true, (selector.excludeManagementEventSources ?? []).isEmpty {
                management.formUnion(access)
            }
            let allBuckets = (selector.dataResources ?? []).contains { resource in
                resource.type == "AWS::S3::Object" && (resource.values ?? []).contains(where: isAllBucketsValue)
            }
            if allBuckets { s3Data.formUnion(access) }
        }
        return (management, s3Data)
    }

    /// `All` (the API's default when absent), `ReadOnly`, `WriteOnly`; anything else records nothing known.
    static func access(readWriteType: String?) -> Access {
        switch readWriteType {
        case nil, "All": .all
        case "ReadOnly": .read
        case "WriteOnly": .write
        default: []
        }
    }

    /// A classic data-resource value meaning every bucket: `arn:aws:s3` or `arn:aws:s3:::`
    /// (any partition). `arn:aws:s3:::bucket/` and `arn:aws:s3:::bucket/prefix` name one bucket.
    static func isAllBucketsValue(_ value: String) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, parts[2] == "s3" else { return false }
        return parts.dropFirst(3).allSatisfy(\.isEmpty)
    }

    // MARK: Advanced selectors

    /// The fields a selector may use and still record all management (or all S3 data) events
    /// of the kinds `readOnly` allows (plus `eventSource` exclusions for management events, see
    /// `onlyExcludes`); any other field (`eventName`, `userIdentity.arn`, …) leaves events out.
    private static let managementFields: Set<String> = ["eventCategory", "readOnly"]
    private static let dataFields: Set<String> = ["eventCategory", "readOnly", "resources.type", "resources.ARN"]

    /// Advanced selectors: each is an AND of its field selectors; the selectors are ORed.
    static func advanced(_ selectors: [CloudTrailAdvancedEventSelector]) -> (management: Access, s3Data: Access) {
        var management: Access = []
        var s3Data: Access = []
        for selector in selectors {
            let fields = Dictionary(grouping: selector.fieldSelectors ?? [], by: { $0.field ?? "" })
            let category = fields["eventCategory"] ?? []
            // eventCategory is required; a selector without it is not understood.
            guard !category.isEmpty else { continue }
            if accepts("Management", category), Set(fields.keys).subtracting(["eventSource"]).isSubset(of: managementFields),
               onlyExcludes(fields["eventSource"]) {
                management.formUnion(access(readOnly: fields["readOnly"]))
            }
            if accepts("Data", category), Set(fields.keys).isSubset(of: dataFields),
               let types = fields["resources.type"], accepts("AWS::S3::Object", types),
               coversAllBuckets(fields["resources.ARN"]) {
                s3Data.formUnion(access(readOnly: fields["readOnly"]))
            }
        }
        return (management, s3Data)
    }

    /// Excluding chosen event sources from management events (the console's "Exclude AWS KMS
    /// events" / RDS Data API, done to save cost) still records management reads and writes as
    /// CIS 3.1 asks; including only some sources does not.
    static func onlyExcludes(_ selectors: [CloudTrailFieldSelector]?) -> Bool {
        (selectors ?? []).allSatisfy { $0.equals == nil && $0.startsWith == nil && $0.endsWith == nil }
    }

    /// The `readOnly` field: absent records both; `Equals ["true"]` reads, `["false"]` writes.
    static func access(readOnly selectors: [CloudTrailFieldSelector]?) -> Access {
        guard let selectors, !selectors.isEmpty else { return .all }
        var access: Access = []
        if accepts("true", selectors) { access.insert(.read) }
        if accepts("false", selectors) { access.insert(.write) }
        return access
    }

    /// Whether `value` passes every field selector given (and every operator in each).
    static func accepts(_ value: String, _ selectors: [CloudTrailFieldSelector]) -> Bool {
        selectors.allSatisfy { selector in
            if let list = selector.equals, !list.contains(value) { return false }
            if let list = selector.startsWith, !list.contains(where: { value.hasPrefix($0) }) { return false }
            if let list = selector.endsWith, !list.contains(where: { value.hasSuffix($0) }) { return false }
            if let list = selector.notEquals, list.contains(value) { return false }
            if let list = selector.notStartsWith, list.contains(where: { value.hasPrefix($0) }) { return false }
            if let list = selector.notEndsWith, list.contains(where: { value.hasSuffix($0) }) { return false }
            return true
        }
    }

    /// `resources.ARN` absent means every object; otherwise only `StartsWith` a prefix of
    /// `arn:<partition>:s3:::` covers every bucket. `Equals`, `EndsWith` and any exclusion narrow it.
    static func coversAllBuckets(_ selectors: [CloudTrailFieldSelector]?) -> Bool {
        (selectors ?? []).allSatisfy { selector in
            guard selector.equals == nil, selector.endsWith == nil, selector.notEquals == nil,
                  selector.notStartsWith == nil, selector.notEndsWith == nil, let prefixes = selector.startsWith else { return false }
            return prefixes.contains(where: isAllBucketsPrefix)
        }
    }

    /// Whether every S3 object ARN starts with `prefix` (`arn:aws:s3:::`, `arn:aws:s3`, `arn:`).
    static func isAllBucketsPrefix(_ prefix: String) -> Bool {
        let parts = prefix.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        let partition = parts.count >= 2 && !parts[1].isEmpty ? String(parts[1]) : "aws"
        return "arn:\(partition):s3:::".hasPrefix(prefix)
    }
}
