import ArgumentParser
import Foundation
import ProviderAWS

/// How a live scan or snapshot reaches AWS: credentials, regions, endpoints, and how hard it
/// may press the API. Every flag is documented in the README ("Live scans").
struct AWSLiveOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The profile in ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE, else the SDKs' credential chain).", valueName: "name"))
    var profile: String?

    @Option(help: ArgumentHelp("Home region: where IAM, STS and S3's bucket list are called (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, else us-east-1).", valueName: "region"))
    var region: String?

    @Option(help: ArgumentHelp("Regions for regional services (CloudTrail, Config, KMS, Access Analyzer): 'all' (every region enabled in the account) or a comma-separated list. Default: the home region.", valueName: "all|list"))
    var regions: String?

    @Option(help: ArgumentHelp("Assume this role (STS AssumeRole) with the credentials found, and scan as it: e.g. a read-only audit role in the target account.", valueName: "role-arn"))
    var assumeRole: String?

    @Option(help: ArgumentHelp("External ID for --assume-role, when the role's trust policy requires one.", valueName: "id"))
    var externalId: String?

    @Option(help: ArgumentHelp("Send every API call to this endpoint (an AWS-compatible server, a VPC endpoint, a proxy). Per service: AWS_ENDPOINT_URL_<SERVICE>, or AWS_ENDPOINT_URL for all, as the SDKs honour them.", valueName: "url"))
    var endpointURL: String?

    @Option(help: ArgumentHelp("PEM file of CA certificates to trust instead of the system's (a corporate TLS proxy). Verification is always on.", valueName: "file"))
    var caBundle: String?

    @Option(help: ArgumentHelp("API requests in flight at once.", valueName: "n"))
    var concurrency: Int = 16

    @Option(help: ArgumentHelp("At most this many requests per second to each service in each region (a cap for shared production accounts). Default: no cap; throttling answers are retried with backoff either way.", valueName: "n"))
    var maxRate: Double?

    @Option(help: ArgumentHelp("Seconds one API call may take, its retries included, before it is recorded as failed.", valueName: "seconds"))
    var callTimeout: Double = 120

    @Flag(name: .shortAndLong, help: "No progress line on standard error.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Log every API request and retry (call, host, path, status, time; never credentials, headers or signatures) to standard error.")
    var verbose = false

    /// Validates what can be checked before any network access.
    func check() throws {
        guard concurrency >= 1, concurrency <= 256 else { throw ValidationError("--concurrency must be between 1 and 256") }
        if let maxRate, !(maxRate > 0) { throw ValidationError("--max-rate must be a positive number of requests per second") }
        guard callTimeout >= 1 else { throw ValidationError("--call-timeout must be at least 1 second") }
        if externalId != nil, assumeRole == nil { throw ValidationError("--external-id needs --assume-role") }
        if let assumeRole, !assumeRole.hasPrefix("arn:") { throw ValidationError("--assume-role needs a role ARN (arn:aws:iam::<account>:role/<name>), got '\(assumeRole)'") }
        if let endpointURL, URL(string: endpointURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ValidationError("--endpoint-url must be an http:// or https:// URL, got '\(endpointURL)'")
        }
        if let caBundle, !FileManager.default.isReadableFile(atPath: caBundle) { throw ValidationError("--ca-bundle: cannot read \(caBundle)") }
    }

    /// Whether any flag of this group was given (they only make sense for live scans).
    var isUsed: Bool {
        profile != nil || region != nil || regions != nil || assumeRole != nil || externalId != nil || endpointURL != nil
            || caBundle != nil || maxRate != nil || concurrency != 16 || callTimeout != 120 || quiet || verbose
    }

    /// The collector these options describe.
    func collector(version: String) -> AWSLiveSource {
        var settings = AWSLiveSettings(environment: ProcessInfo.processInfo.environment)
        settings.profile = profile
        settings.region = region
        settings.regions = regions
        settings.assumeRole = assumeRole
        settings.externalId = externalId
        settings.endpointURL = endpointURL
        settings.caBundle = caBundle
        settings.concurrency = concurrency
        settings.maxRate = maxRate
        settings.callTimeout = callTimeout
        settings.userAgent = "posture/\(version)"
        if verbose { settings.log = { Console.error($0) } }
        return AWSLiveSource(settings: settings)
    }
}
