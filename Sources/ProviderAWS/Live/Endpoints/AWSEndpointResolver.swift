import Foundation

/// Resolves service endpoints as the AWS SDKs do.
///
/// A custom URL wins in this order: `--endpoint-url` (every service), then
/// `AWS_ENDPOINT_URL_<SERVICE_ID>`, then `AWS_ENDPOINT_URL`, then the profile's
/// `endpoint_url`. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` (or the profile's
/// `ignore_configured_endpoint_urls = true` when the variable is unset) disregards the
/// environment and profile URLs, never the flag. Otherwise the partition's default host.
public struct AWSEndpointResolver: Sendable {
    /// Where a custom endpoint URL came from.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        case flag
        case environment(String)
        case profile

        public var description: String {
            switch self {
            case .flag: return "--endpoint-url"
            case let .environment(name): return name
            case .profile: return "the profile's endpoint_url"
            }
        }
    }

    let endpointURLFlag: String?
    let environment: [String: String]
    let profile: [String: String]

    /// - Parameters:
    ///   - endpointURL: `--endpoint-url`, applied to every service.
    ///   - environment: The process environment (tests pass their own).
    ///   - profile: The selected profile's settings from the AWS config files, as parsed by the
    ///     credentials layer (`endpoint_url`, `ignore_configured_endpoint_urls`, …).
    public init(endpointURL: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                profile: [String: String]? = nil) {
        endpointURLFlag = endpointURL.flatMap { $0.isEmpty ? nil : $0 }
        self.environment = environment
        self.profile = profile ?? [:]
    }

    /// Whether environment and profile endpoint URLs are ignored.
    public var ignoresConfiguredEndpointURLs: Bool {
        if let value = nonEmpty(environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]) { return value.lowercased() == "true" }
        return nonEmpty(profile["ignore_configured_endpoint_urls"])?.lowercased() == "true"
    }

    /// The custom endpoint URL for `service` and where it came from, nil for the default.
    /// - Throws: `AWSEndpointError` when the chosen URL is malformed (a bad URL further down the
    ///   precedence list is not looked at).
    public func customEndpoint(for service: AWSService) throws(AWSEndpointError) -> (url: String, source: Source)? {
        try customURL(for: service).map { ($0.url.url, $0.source) }
    }

    /// The endpoint of `service` in `region`. For S3 buckets and S3 Control use
    /// `s3Endpoint(bucket:region:)` and `s3ControlEndpoint(accountId:region:)`, which add the
    /// bucket or account to the host.
    /// - Throws: `AWSEndpointError` for a malformed region name or custom URL.
    public func endpoint(for service: AWSService, region: String) throws(AWSEndpointError) -> AWSEndpoint {
        try AWSRegionChoice.validate(region, source: "the requested region")
        let partition = AWSPartition.forRegion(region)
        if let custom = try customURL(for: service) {
            // IAM is global: the SDKs sign it for the partition's global region (us-east-1 in
            // `aws`) whatever the endpoint, and AWS-compatible servers expect that too.
            let signingRegion = service == .iam ? partition.iamSigningRegion : region
            return AWSEndpoint(baseURL: custom.url.url, signingRegion: signingRegion, signingName: service.signingName, isCustom: true)
        }
        if service == .iam {
            return AWSEndpoint(baseURL: "https://" + partition.iamHostname, signingRegion: partition.iamSigningRegion,
                               signingName: service.signingName, isCustom: false)
        }
        return AWSEndpoint(baseURL: "https://\(service.endpointPrefix).\(region).\(partition.dnsSuffix)",
                           signingRegion: region, signingName: service.signingName, isCustom: false)
    }

    func customURL(for service: AWSService) throws(AWSEndpointError) -> (url: CustomEndpointURL, source: Source)? {
        if let flag = endpointURLFlag { return (try CustomEndpointURL(flag, source: Source.flag.description), .flag) }
        if ignoresConfiguredEndpointURLs { return nil }
        for name in [service.endpointEnvironmentVariable, "AWS_ENDPOINT_URL"] {
            if let value = nonEmpty(environment[name]) {
                return (try CustomEndpointURL(value, source: name), .environment(name))
            }
        }
        if let value = nonEmpty(profile["endpoint_url"]) {
            return (try CustomEndpointURL(value, source: Source.profile.description), .profile)
        }
        return nil
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }
}
