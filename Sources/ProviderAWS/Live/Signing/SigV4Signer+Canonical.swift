import Crypto
import HTTP

/// The intermediate forms of a signature, separate so the test suite can check each byte.
extension SigV4Signer {
    struct CanonicalRequest: Equatable {
        /// The canonical request text (method, URI, query, headers, signed headers, hash).
        var text: String
        /// `host;x-amz-date;…`, repeated in the `Authorization` header.
        var signedHeaders: String
    }

    /// The canonical request of `request` as it will be sent (its headers already carry the
    /// date and token).
    func canonicalRequest(_ request: HTTPRequest, parts: RequestURLParts, payloadHash: String) -> CanonicalRequest {
        let headers = SigV4CanonicalHeaders(headers: request.headers, host: parts.hostHeader)
        var text = request.method.uppercased()
        text += "\n"
        text += SigV4CanonicalPath.canonical(parts.path, s3Rules: options.s3Rules)
        text += "\n"
        text += SigV4CanonicalQuery.canonical(parts.query)
        text += "\n"
        text += headers.block
        text += "\n"
        text += headers.signedNames
        text += "\n"
        text += payloadHash
        return CanonicalRequest(text: text, signedHeaders: headers.signedNames)
    }

    /// `date/region/service/aws4_request`.
    func credentialScope(scopeDate: String) -> String {
        scopeDate + "/" + region + "/" + service + "/aws4_request"
    }

    /// The string to sign: algorithm, timestamp, scope and the canonical request's hash.
    func stringToSign(canonicalRequest: String, timestamp: SigV4Timestamp) -> String {
        "AWS4-HMAC-SHA256\n" + timestamp.dateTime + "\n" + credentialScope(scopeDate: timestamp.date) + "\n"
            + SigV4Hex.encode(SHA256.hash(data: Array(canonicalRequest.utf8)))
    }

    /// The hex HMAC-SHA256 of the string to sign under the derived signing key.
    func signature(stringToSign: String, signingKey: SymmetricKey) -> String {
        SigV4Hex.encode(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey))
    }

    /// The `Authorization` header value.
    func authorization(accessKeyId: String, scopeDate: String, signedHeaders: String, signature: String) -> String {
        "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + credentialScope(scopeDate: scopeDate)
            + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature
    }
}

extension SigV4Signer {
    /// What one signature was computed from, for tests. Holds no secret: the canonical
    /// request may contain the session token, so it never leaves the module.
    struct Steps: Equatable {
        var canonicalRequest: String
        var stringToSign: String
        var authorization: String
    }
}
