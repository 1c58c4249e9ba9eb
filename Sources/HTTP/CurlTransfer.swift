import CCurl
import Foundation

/// One attempt while it is inside libcurl: the easy handle's settings, and the buffers the
/// write and header callbacks fill. Created by the sending task, then touched only by the
/// transfer thread (hence `@unchecked Sendable`): libcurl calls back on that thread alone.
final class CurlTransfer: @unchecked Sendable {
    let id: UInt64
    let spec: AttemptSpec
    private var continuation: CheckedContinuation<AttemptOutcome, Never>?
    private(set) var startedAt: Double = 0
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// libcurl writes its detailed error message here (CURLOPT_ERRORBUFFER).
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    fileprivate var responseHeaders: [String: String] = [:]
    fileprivate var body = Data()

    init(id: UInt64, spec: AttemptSpec, continuation: CheckedContinuation<AttemptOutcome, Never>) {
        self.id = id
        self.spec = spec
        self.continuation = continuation
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
        // A transfer always ends through `finish`; this only guards against a lost task.
        continuation?.resume(returning: .cancelled)
    }

    /// Resumes the waiting task, once.
    func finish(_ outcome: AttemptOutcome) {
        continuation?.resume(returning: outcome)
        continuation = nil
    }

    /// The outcome of a transfer libcurl reports done with `code`.
    func outcome(_ code: CURLcode, handle: UnsafeMutableRawPointer, now: Double) -> AttemptOutcome {
        let seconds = now - startedAt
        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            return AttemptOutcome(result: .failed(CurlFailure(code), message: message), seconds: seconds)
        }
        var status = 0
        _ = posture_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return AttemptOutcome(result: .answered(status: status, headers: responseHeaders, body: body), seconds: seconds)
    }

    /// Sets every option of a fresh (or reset) easy handle for this attempt.
    /// - Returns: the first error libcurl reported for a required option, with its option name.
    func configure(_ handle: UnsafeMutableRawPointer, now: Double) -> (CURLcode, String)? {
        startedAt = now
        let remaining = spec.deadline - now
        let context = Unmanaged.passUnretained(self).toOpaque()
        var failure: (CURLcode, String)?
        func require(_ code: CURLcode, _ what: String) {
            if code != CURLE_OK, failure == nil { failure = (code, what) }
        }
        require(posture_easy_setopt_string(handle, CURLOPT_URL, spec.url), "URL")
        // Only HTTP(S), whatever the URL says; never follow redirects (the AWS layer handles
        // S3's region redirects itself, and a redirect must not carry a signature elsewhere).
        require(posture_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"), "protocols")
        require(posture_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0), "follow location")
        // Signals are not safe in a multithreaded process; timeouts then rely on libcurl's own
        // threaded resolver.
        require(posture_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "no signal")
        // TLS verification is always on; a private CA is added with `caBundle`, never by
        // turning checks off.
        require(posture_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1), "verify peer")
        require(posture_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2), "verify host")
        if let caBundle = spec.caBundle {
            require(posture_easy_setopt_string(handle, CURLOPT_CAINFO, caBundle), "CA bundle")
        }
        require(posture_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(min(spec.attemptTimeout, remaining))), "timeout")
        require(posture_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS,
                                         Self.milliseconds(min(spec.connectTimeout, spec.attemptTimeout, remaining))), "connect timeout")
        require(posture_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)), "error buffer")
        require(posture_easy_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, curlWriteBody), "write function")
        require(posture_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context), "write data")
        require(posture_easy_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, curlWriteHeader), "header function")
        require(posture_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context), "header data")
        // "" offers every encoding this libcurl decodes (gzip, deflate, br, zstd) and decodes it.
        require(posture_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""), "accept encoding")
        require(posture_easy_setopt_string(handle, CURLOPT_USERAGENT, spec.userAgent), "user agent")
        configureMethod(handle, require)
        headerList = makeHeaderList()
        require(posture_easy_setopt_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList)), "headers")
        // Optional: HTTP/2 over TLS when the server offers it, else HTTP/1.1. New transfers to a
        // host wait for its first connection so that they can share it when it multiplexes.
        _ = posture_easy_setopt_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        if spec.url.lowercased().hasPrefix("https:") {
            _ = posture_easy_setopt_long(handle, CURLOPT_PIPEWAIT, 1)
        }
        _ = posture_easy_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1)
        return failure
    }

    private func configureMethod(_ handle: UnsafeMutableRawPointer, _ require: (CURLcode, String) -> Void) {
        let method = spec.method.uppercased()
        if method == "HEAD" {
            require(posture_easy_setopt_long(handle, CURLOPT_NOBODY, 1), "method")
            return
        }
        if method == "GET" && spec.body.isEmpty {
            require(posture_easy_setopt_long(handle, CURLOPT_HTTPGET, 1), "method")
            return
        }
        require(posture_easy_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(spec.body.count)), "body size")
        // libcurl copies the body, so it does not depend on this Data staying in place.
        let copied = spec.body.withUnsafeBytes { bytes -> CURLcode in
            guard let base = bytes.baseAddress else { return posture_easy_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "") }
            return posture_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
        }
        require(copied, "body")
        if method != "POST" {
            require(posture_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method), "method")
        }
    }

    private func makeHeaderList() -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        for header in spec.headers {
            // "Name:" would delete a header; "Name;" is libcurl's way to send it empty.
            let line = header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
            list = curl_slist_append(list, line)
        }
        // No "Expect: 100-continue" round trip before a body: AWS answers at once anyway.
        if !spec.headers.contains(where: { $0.name.caseInsensitiveCompare("Expect") == .orderedSame }) {
            list = curl_slist_append(list, "Expect:")
        }
        return list
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        // At least 1: libcurl reads 0 as "no timeout".
        guard seconds.isFinite else { return Int.max }
        return max(1, Int((seconds * 1000).rounded(.up)))
    }

    fileprivate func appendHeaderLine(_ line: String) {
        if line.hasPrefix("HTTP/") {
            // A new status line (after a 100 Continue or a proxy's CONNECT answer) starts over.
            responseHeaders = [:]
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        if !name.isEmpty { responseHeaders[name] = value }
    }
}

/// CURLOPT_WRITEFUNCTION: appends body bytes to the transfer behind `context`.
private func curlWriteBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    let length = size * count
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    if let data, length > 0 {
        transfer.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
    }
    return length
}

/// CURLOPT_HEADERFUNCTION: one header line per call, CRLF included.
private func curlWriteHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    let length = size * count
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    if let data, length > 0 {
        let bytes = UnsafeRawBufferPointer(start: data, count: length)
        transfer.appendHeaderLine(String(decoding: bytes, as: UTF8.self))
    }
    return length
}
