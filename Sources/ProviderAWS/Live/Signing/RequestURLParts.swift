/// A request URL split into the pieces SigV4 signs, by plain string scanning.
///
/// Not `Foundation.URL`: the signer must sign exactly the characters it was given (a path
/// with a raw space or non-ASCII byte is encoded by the canonical form, not rejected), and
/// `URL` both rejects such strings and re-encodes others.
struct RequestURLParts: Equatable {
    /// Lowercased scheme, `http` or `https` in practice.
    var scheme: Substring
    /// The `Host` value a client sends for this URL: host (lowercased) and the port when it is
    /// not the scheme's default. Any `user@` part is dropped.
    var hostHeader: String
    /// The path as written, possibly empty.
    var path: Substring
    /// The query without `?`, possibly empty; the fragment is dropped.
    var query: Substring

    init?(_ url: String) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[url.startIndex..<schemeEnd.lowerBound]
        guard !scheme.isEmpty else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[rest.startIndex..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        guard !authority.isEmpty else { return nil }
        let afterAuthority = rest[authorityEnd...]
        let withoutFragment = afterAuthority.firstIndex(of: "#").map { afterAuthority[..<$0] } ?? afterAuthority
        if let question = withoutFragment.firstIndex(of: "?") {
            path = withoutFragment[..<question]
            query = withoutFragment[withoutFragment.index(after: question)...]
        } else {
            path = withoutFragment
            query = withoutFragment[withoutFragment.endIndex...]
        }
        self.scheme = Substring(scheme.lowercased())
        hostHeader = Self.hostHeader(authority: authority, scheme: self.scheme)
    }

    /// `host[:port]`, without the port when it is the scheme's default (as curl sends it).
    private static func hostHeader(authority: Substring, scheme: Substring) -> String {
        // The port separator is the last ':' after any IPv6 literal's closing bracket.
        let searchStart = authority.lastIndex(of: "]") ?? authority.startIndex
        guard let colon = authority[searchStart...].lastIndex(of: ":") else { return authority.lowercased() }
        let host = authority[..<colon]
        let port = authority[authority.index(after: colon)...]
        let defaultPort = scheme == "https" ? "443" : scheme == "http" ? "80" : nil
        if port.isEmpty || defaultPort.map({ port == $0 }) == true { return host.lowercased() }
        return host.lowercased() + ":" + port
    }
}
