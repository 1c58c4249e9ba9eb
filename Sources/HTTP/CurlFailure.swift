import CCurl

/// What a libcurl error code means for the caller: which `HTTPError.Kind`, and whether another
/// attempt may succeed.
struct CurlFailure: Sendable, Equatable {
    var kind: HTTPError.Kind
    var retryable: Bool

    init(_ code: CURLcode) {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            self.init(kind: .timeout, retryable: true)
        // Refused, reset while sending or receiving, closed before any answer, body cut short,
        // an HTTP/2 stream reset: the server or the path hiccuped; the next attempt may pass.
        case CURLE_COULDNT_CONNECT, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING,
             CURLE_PARTIAL_FILE, CURLE_HTTP2_STREAM:
            self.init(kind: .connection, retryable: true)
        // Certificates and handshakes do not heal between attempts.
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE,
             CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
             CURLE_SSL_SHUTDOWN_FAILED, CURLE_USE_SSL_FAILED:
            self.init(kind: .tls, retryable: false)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_BAD_FUNCTION_ARGUMENT:
            self.init(kind: .invalidRequest, retryable: false)
        default:
            // DNS failures, proxy failures and the rest: a connection problem, not retried,
            // because they rarely clear within a request's time budget.
            self.init(kind: .connection, retryable: false)
        }
    }

    init(kind: HTTPError.Kind, retryable: Bool) {
        self.kind = kind
        self.retryable = retryable
    }
}
