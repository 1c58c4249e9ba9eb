import Crypto
import Foundation
import HTTP

/// Signs `HTTPRequest`s with AWS Signature Version 4 (`AWS4-HMAC-SHA256`, signature in the
/// `Authorization` header) for one service and region.
///
/// Signing is idempotent: the headers it adds replace any that an earlier attempt added, so
/// the same request can be signed again before each retry with a fresh date. Copies share one
/// signing-key cache.
public struct SigV4Signer: Sendable {
    /// Where the session token of temporary credentials goes.
    public enum SecurityTokenPlacement: Sendable, Equatable {
        /// `X-Amz-Security-Token` is added before signing and so is signed (what AWS services
        /// expect, and botocore's default).
        case signed
        /// The header is added after signing, outside the signature (a few services ask for
        /// this; the test suite's `post-sts-header-after` case).
        case appendedAfterSigning
    }

    /// How requests are signed beyond service and region.
    public struct Options: Sendable, Equatable {
        /// S3's variant: the path is signed as sent (no normalisation, no second encoding) and
        /// every request carries `x-amz-content-sha256` with the body's hex SHA-256. On for
        /// the signing name `s3` (S3 and S3 Control) unless set otherwise.
        public var s3Rules: Bool
        public var securityTokenPlacement: SecurityTokenPlacement

        public init(s3Rules: Bool, securityTokenPlacement: SecurityTokenPlacement = .signed) {
            self.s3Rules = s3Rules
            self.securityTokenPlacement = securityTokenPlacement
        }

        /// The options the SDKs use for this signing name.
        public static func standard(forService service: String) -> Options {
            Options(s3Rules: service == "s3")
        }
    }

    /// The signing name (`iam`, `s3`, `access-analyzer`): the service part of the scope.
    public let service: String
    /// The signing region (`us-east-1` for IAM in the `aws` partition).
    public let region: String
    public let options: Options
    let keyCache = SigningKeyCache()

    /// - Parameters:
    ///   - service: The signing name (an endpoint's `signingName`).
    ///   - region: The signing region (an endpoint's `signingRegion`).
    ///   - options: Defaults to the SDKs' options for `service`.
    public init(service: String, region: String, options: Options? = nil) {
        self.service = service
        self.region = region
        self.options = options ?? .standard(forService: service)
    }

    /// Signs `request` in place: sets `X-Amz-Date`, `X-Amz-Security-Token` (with a session
    /// token), `x-amz-content-sha256` (S3 rules) and `Authorization`, replacing earlier ones.
    /// The `Host` header is not added (the transport sends it); its signed value is the URL's
    /// host and non-default port, or the request's own `Host` header when it has one.
    /// - Parameters:
    ///   - request: The request; its `url` must be `scheme://host[:port]/path?query`.
    ///   - key: The credentials.
    ///   - date: The signing time (the server allows 5 minutes of clock skew).
    /// - Throws: `SigV4Error` when the URL has no host or the credentials are empty.
    public func sign(_ request: inout HTTPRequest, key: SigningKeyMaterial, date: Date) throws(SigV4Error) {
        _ = try signReturningSteps(&request, key: key, date: date)
    }

    /// `sign`, returning the intermediate forms for the conformance tests.
    func signReturningSteps(_ request: inout HTTPRequest, key: SigningKeyMaterial, date: Date) throws(SigV4Error) -> Steps {
        guard !key.accessKeyId.isEmpty, !key.secretAccessKey.isEmpty else {
            throw .emptyCredentials(label: request.label)
        }
        guard let parts = RequestURLParts(request.url) else { throw .urlWithoutHost(label: request.label) }
        let timestamp = SigV4Timestamp(date)
        let token = key.sessionToken.flatMap { $0.isEmpty ? nil : $0 }

        // The signer owns these headers: a retry after a refresh to long-term keys must not
        // keep the old token, and a second signature must not pile up a second date.
        var replaced: Set<String> = ["authorization", "x-amz-date", "x-amz-security-token"]
        if options.s3Rules { replaced.insert("x-amz-content-sha256") }
        request.headers.removeAll { replaced.contains($0.name.lowercased()) }

        let payloadHash = SigV4Hex.encode(SHA256.hash(data: request.body))
        request.headers.append(HTTPHeader("X-Amz-Date", timestamp.dateTime))
        if let token, options.securityTokenPlacement == .signed {
            request.headers.append(HTTPHeader("X-Amz-Security-Token", token))
        }
        if options.s3Rules { request.headers.append(HTTPHeader("x-amz-content-sha256", payloadHash)) }

        let canonical = canonicalRequest(request, parts: parts, payloadHash: payloadHash)
        let toSign = stringToSign(canonicalRequest: canonical.text, timestamp: timestamp)
        let signingKey = keyCache.key(scopeDate: timestamp.date, region: region, service: service, material: key)
        let authorizationValue = authorization(
            accessKeyId: key.accessKeyId, scopeDate: timestamp.date, signedHeaders: canonical.signedHeaders,
            signature: signature(stringToSign: toSign, signingKey: signingKey))
        request.headers.append(HTTPHeader("Authorization", authorizationValue))
        if let token, options.securityTokenPlacement == .appendedAfterSigning {
            request.headers.append(HTTPHeader("X-Amz-Security-Token", token))
        }
        return Steps(canonicalRequest: canonical.text, stringToSign: toSign, authorization: authorizationValue)
    }

    /// A `prepare` hook for `HTTPRequest` that signs every attempt afresh with the time now.
    /// - Parameters:
    ///   - key: The credentials to sign with.
    ///   - now: The clock (tests pass a fixed one).
    public func preparer(key: SigningKeyMaterial, now: @escaping @Sendable () -> Date = { Date() })
        -> @Sendable (inout HTTPRequest) throws -> Void {
        let signer = self
        return { request in try signer.sign(&request, key: key, date: now()) }
    }
}
