import SourceText

extension JSONValue {
    /// The value with every object key's first letter upper-cased (the CLI's PascalCase) or
    /// lower-cased (AWS Config's camelCase), after `aliases` rename keys (given either as
    /// written or as re-cased). Members under a key in `keeping` keep their value untouched —
    /// policy documents, whose condition keys such as `aws:SourceIp` must keep their case.
    /// Keys that meet after renaming (`trailName` and `TrailName`) keep the first one's place
    /// and the last one's value, as repeated keys in a text do.
    func recased(upper: Bool, aliases: [String: String] = [:], keeping: Set<String> = []) -> JSONValue {
        switch self {
        case let .array(items):
            return .array(items.map { $0.recased(upper: upper, aliases: aliases, keeping: keeping) })
        case let .object(members):
            var renamed: [JSONMember] = []
            var places: [String: Int] = [:]
            for member in members {
                let first = upper ? member.key.prefix(1).uppercased() : member.key.prefix(1).lowercased()
                let recased = first + member.key.dropFirst()
                let key = aliases[member.key] ?? aliases[recased] ?? recased
                let value = keeping.contains(member.key) ? member.value : member.value.recased(upper: upper, aliases: aliases, keeping: keeping)
                if let place = places[key] {
                    renamed[place].value = value
                } else {
                    places[key] = renamed.count
                    renamed.append(JSONMember(key, value))
                }
            }
            return .object(renamed)
        default:
            return self
        }
    }
}
