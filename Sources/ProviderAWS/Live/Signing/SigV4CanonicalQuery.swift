import HTTP

/// The canonical query string of a SigV4 canonical request.
enum SigV4CanonicalQuery {
    /// Each `name=value` pair is decoded and re-encoded with RFC 3986 rules (so a raw `ሴ` and
    /// an already encoded `%E1%88%B4` sign alike), a name without `=` gets an empty value
    /// (S3's `?acl` signs as `acl=`), and pairs are sorted by encoded name, then value, in byte
    /// order. `+` is taken as a literal plus (signed `%2B`), never as a space: the URL builder
    /// never writes `+` for a space.
    static func canonical<S: StringProtocol>(_ query: S) -> String {
        if query.isEmpty { return "" }
        var pairs: [(name: String, value: String)] = []
        for piece in query.split(separator: "&", omittingEmptySubsequences: true) {
            let name: S.SubSequence.SubSequence
            let value: S.SubSequence.SubSequence
            if let equals = piece.firstIndex(of: "=") {
                name = piece[..<equals]
                value = piece[piece.index(after: equals)...]
            } else {
                name = piece[...]
                value = piece[piece.endIndex...]
            }
            pairs.append((PercentEncoding.encode(bytes: PercentEncoding.decode(name)),
                          PercentEncoding.encode(bytes: PercentEncoding.decode(value))))
        }
        pairs.sort { left, right in
            if left.name != right.name { return left.name.utf8.lexicographicallyPrecedes(right.name.utf8) }
            return left.value.utf8.lexicographicallyPrecedes(right.value.utf8)
        }
        var result = ""
        for (index, pair) in pairs.enumerated() {
            if index > 0 { result += "&" }
            result += pair.name
            result += "="
            result += pair.value
        }
        return result
    }
}
