import HTTP

/// The canonical URI of a SigV4 canonical request.
enum SigV4CanonicalPath {
    /// - Parameters:
    ///   - path: The URL's path as sent (already percent-encoded by the URL builder).
    ///   - s3Rules: S3 signs the path as sent: encoded once, `.`/`..` and `//` kept, because
    ///     they are part of object keys. Every other service normalises the path (dot
    ///     segments resolved, empty segments dropped) and encodes each segment again, so a
    ///     `%` already on the wire becomes `%25` (the "double encoding" AWS documents).
    static func canonical<S: StringProtocol>(_ path: S, s3Rules: Bool) -> String {
        if path.isEmpty { return "/" }
        if s3Rules { return PercentEncoding.normalizeEncoded(path) }
        var segments: [S.SubSequence] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        if segments.isEmpty { return "/" }
        var result = ""
        for segment in segments {
            result += "/"
            result += PercentEncoding.encode(segment)
        }
        // As botocore: a trailing slash survives normalisation (`//example//` → `/example/`),
        // but `/a/b/..` ends at `/a`.
        if path.hasSuffix("/") { result += "/" }
        return result
    }
}
