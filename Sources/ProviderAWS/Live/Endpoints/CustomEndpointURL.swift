import Foundation

/// A user-given endpoint URL (`--endpoint-url`, `AWS_ENDPOINT_URL*`, a profile's
/// `endpoint_url`), checked and normalised: `http`/`https`, a host, an optional port and path,
/// no user info, query or fragment, no trailing slash.
struct CustomEndpointURL: Sendable, Equatable {
    /// `http` or `https`.
    let scheme: String
    /// The host as written, lowercased (`[::1]` keeps its brackets).
    let host: String
    /// `:5000`, or empty.
    let portSuffix: String
    /// `/prefix`, or empty.
    let path: String

    /// scheme://host[:port][/path]
    var url: String { scheme + "://" + host + portSuffix + path }

    /// Whether the host is an IPv4 or IPv6 literal (no DNS name to put a bucket or account in).
    var hostIsIPLiteral: Bool {
        if host.hasPrefix("[") { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { octet in
            !octet.isEmpty && octet.count <= 3 && octet.allSatisfy(\.isASCIIDigit) && (Int(octet) ?? 256) <= 255
        }
    }

    /// The same URL with `label.` in front of the host (S3 Control's account id).
    func prefixingHost(with label: String) -> CustomEndpointURL {
        CustomEndpointURL(scheme: scheme, host: label + "." + host, portSuffix: portSuffix, path: path)
    }

    private init(scheme: String, host: String, portSuffix: String, path: String) {
        self.scheme = scheme
        self.host = host
        self.portSuffix = portSuffix
        self.path = path
    }

    /// - Parameters:
    ///   - text: The URL as given.
    ///   - source: Where it came from, for the error.
    /// - Throws: `AWSEndpointError` naming the value, its source and what is wrong.
    init(_ text: String, source: String) throws(AWSEndpointError) {
        func fail(_ reason: String) -> AWSEndpointError { .invalidEndpointURL(text, source: source, reason: reason) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = trimmed.range(of: "://") else { throw fail("expected http://host[:port] or https://host[:port]") }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { throw fail("the scheme must be http or https") }
        let rest = trimmed[schemeEnd.upperBound...]
        if rest.contains("?") || rest.contains("#") { throw fail("an endpoint URL has no query or fragment") }
        // Any '@' means user info: a secret in it may itself contain '/', so the authority
        // cannot be found first.
        if rest.contains("@") { throw fail("user info in an endpoint URL is not supported") }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var path = String(rest[authorityEnd...])
        while path.hasSuffix("/") { path.removeLast() }
        let portSearchStart = authority.lastIndex(of: "]") ?? authority.startIndex
        var host = authority
        var portSuffix = ""
        if let colon = authority[portSearchStart...].lastIndex(of: ":") {
            host = authority[..<colon]
            let port = authority[authority.index(after: colon)...]
            guard let number = Int(port), (1...65_535).contains(number), port.allSatisfy(\.isASCIIDigit) else {
                throw fail("the port must be a number from 1 to 65535")
            }
            portSuffix = ":" + port
        }
        guard !host.isEmpty, !host.contains(" ") else { throw fail("the URL has no host") }
        self.init(scheme: scheme, host: host.lowercased(), portSuffix: portSuffix, path: path)
    }

    /// `scheme://(redacted)@host…` when the text has user info, else the text. Everything up
    /// to the last `@` goes: a secret in user info may contain `/` or `@`.
    static func redactingUserInfo(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@") else { return text }
        let start = text.range(of: "://").map(\.upperBound) ?? text.startIndex
        guard start <= at else { return "(redacted)" + String(text[at...]) }
        return String(text[..<start]) + "(redacted)" + String(text[at...])
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
