/// The host and path of a request URL, for logs and error messages. Never the query (it can hold
/// a presigned signature) and never user information before `@` (it can hold a password).
struct URLParts: Sendable, Equatable {
    var host: String
    var path: String

    init(_ url: String) {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let afterAuthority = rest[authorityEnd...]
        let pathEnd = afterAuthority.firstIndex { $0 == "?" || $0 == "#" } ?? afterAuthority.endIndex
        let path = afterAuthority[..<pathEnd]
        host = String(authority)
        self.path = path.isEmpty ? "/" : String(path)
    }
}
