import SourceText

/// Paging as the AWS CLI does it: follow the output token until the service says there is no
/// more, then merge the pages into the one document `aws ...` prints.
extension AWSPaginator {
    /// The input for the page after `page`: `parameters` with the input tokens set from the
    /// page's output tokens; nil when `page` is the last one (`moreResults` false, or no token).
    public func nextPageParameters(after page: JSONValue, parameters: [String: AWSParameter]) -> [String: AWSParameter]? {
        if let moreResults, page[moreResults]?.boolValue != true { return nil }
        var next = parameters
        var found = false
        for (input, output) in zip(inputToken, outputToken) {
            guard let token = Self.text(page[output]) else { continue }
            next[input] = .scalar(token)
            found = true
        }
        return found ? next : nil
    }

    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case let .string(text)?: text.isEmpty ? nil : text
        case let .number(text)?: text
        default: nil
        }
    }

    /// The pages merged as botocore's `build_full_result` merges them for the CLI: each result
    /// key's lists concatenated (in page order), the non-aggregate keys taken from the first
    /// page (null when it lacks them, as the CLI prints), every other member dropped — the
    /// output token and `IsTruncated` included.
    public func merge(_ pages: [JSONValue]) -> JSONValue {
        var members: [JSONMember] = []
        for page in pages {
            for key in resultKeys {
                guard let value = page[key], value != .null else { continue }
                guard let position = members.firstIndex(where: { $0.key == key }) else {
                    members.append(JSONMember(key, value))
                    continue
                }
                switch (members[position].value, value) {
                case let (.array(existing), .array(more)): members[position].value = .array(existing + more)
                case let (.string(existing), .string(more)): members[position].value = .string(existing + more)
                case let (.number(existing), .number(more)):
                    if let left = Int(existing), let right = Int(more) { members[position].value = .number(String(left + right)) }
                default: continue
                }
            }
        }
        if let first = pages.first {
            for key in nonAggregateKeys where !members.contains(where: { $0.key == key }) {
                members.append(JSONMember(key, first[key] ?? .null))
            }
        }
        return .object(members)
    }
}
