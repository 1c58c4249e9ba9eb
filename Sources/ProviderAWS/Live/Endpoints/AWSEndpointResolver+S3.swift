import HTTP

/// How a bucket is put in an S3 request URL.
public enum S3AddressingStyle: Sendable, Equatable {
    /// `https://bucket.s3.region.amazonaws.com/key`
    case virtualHosted
    /// `https://s3.region.amazonaws.com/bucket/key`
    case path
}

extension AWSEndpointResolver {
    /// The addressing style for `bucket`.
    ///
    /// On real AWS, virtual-hosted style for names that are one DNS label (3–63 of `a-z 0-9 -`,
    /// starting and ending with a letter or digit); path style for names with dots (they break
    /// the `*.s3…` TLS wildcard) or capitals and underscores (legacy us-east-1 names).
    /// With any custom endpoint, path style: the test servers this tool is pointed at are
    /// `localhost` or an IP, where `bucket.127.0.0.1` cannot exist, and emulators (moto,
    /// MinIO, LocalStack) all accept path style. The SDKs would try virtual-hosted style for a
    /// custom DNS name unless told `addressing_style = path`; this tool always picks path.
    public static func s3AddressingStyle(bucket: String, customEndpoint: Bool) -> S3AddressingStyle {
        if customEndpoint { return .path }
        let bytes = Array(bucket.utf8)
        guard (3...63).contains(bytes.count),
              let first = bytes.first, let last = bytes.last,
              isLowercaseAlphanumeric(first), isLowercaseAlphanumeric(last),
              bytes.allSatisfy({ isLowercaseAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
            return .path
        }
        return .virtualHosted
    }

    /// The endpoint whose base URL addresses `bucket` (object keys are appended as paths; bucket
    /// operations use the base URL itself with their query, e.g. `?policy`).
    /// - Throws: `AWSEndpointError` for a malformed region or custom URL.
    public func s3Endpoint(bucket: String, region: String) throws(AWSEndpointError) -> AWSEndpoint {
        var endpoint = try endpoint(for: .s3, region: region)
        switch Self.s3AddressingStyle(bucket: bucket, customEndpoint: endpoint.isCustom) {
        case .path:
            endpoint.baseURL += "/" + PercentEncoding.encode(bucket)
        case .virtualHosted:
            let partition = AWSPartition.forRegion(region)
            endpoint.baseURL = "https://\(bucket).s3.\(region).\(partition.dnsSuffix)"
        }
        return endpoint
    }

    /// The S3 Control endpoint for an account: `https://<account>.s3-control.<region>.<suffix>`,
    /// signed as `s3`, every request carrying `x-amz-account-id`.
    ///
    /// With a custom endpoint the account id is put in front of its host, as the SDKs' endpoint
    /// rules do (`http://localhost:5000` → `http://123456789012.localhost:5000`; libcurl
    /// resolves `*.localhost` to loopback). When the custom host is an IP literal it is used
    /// unprefixed — a deliberate deviation, since `123456789012.127.0.0.1` cannot resolve and
    /// real AWS never has IP hosts.
    /// - Throws: `AWSEndpointError` for an account id that is not 12 digits, a malformed region
    ///   or custom URL.
    public func s3ControlEndpoint(accountId: String, region: String) throws(AWSEndpointError) -> AWSEndpoint {
        guard accountId.utf8.count == 12, accountId.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw .invalidAccountId(accountId)
        }
        try AWSRegionChoice.validate(region, source: "the requested region")
        let service = AWSService.s3Control
        let headers = [HTTPHeader("x-amz-account-id", accountId)]
        if let custom = try customURL(for: service) {
            let url = custom.url.hostIsIPLiteral ? custom.url : custom.url.prefixingHost(with: accountId)
            return AWSEndpoint(baseURL: url.url, signingRegion: region, signingName: service.signingName,
                               isCustom: true, headers: headers)
        }
        let partition = AWSPartition.forRegion(region)
        return AWSEndpoint(baseURL: "https://\(accountId).\(service.endpointPrefix).\(region).\(partition.dnsSuffix)",
                           signingRegion: region, signingName: service.signingName, isCustom: false, headers: headers)
    }

    private static func isLowercaseAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
