import Foundation
import HTTP
import Testing
@testable import ProviderAWS

@Suite("Endpoint resolution")
struct AWSEndpointResolverTests {
    struct PrecedenceCase: Sendable, CustomTestStringConvertible {
        var name: String
        var flag: String?
        var environment: [String: String] = [:]
        var profile: [String: String]?
        var service: AWSService = .s3
        /// The base URL expected, and whether it is custom.
        var expected: String
        var testDescription: String { name }
    }

    static let precedence: [PrecedenceCase] = [
        PrecedenceCase(name: "nothing configured: the partition default", expected: "https://s3.eu-west-1.amazonaws.com"),
        PrecedenceCase(name: "the flag beats everything", flag: "http://127.0.0.1:1111",
                       environment: ["AWS_ENDPOINT_URL_S3": "http://127.0.0.1:2222", "AWS_ENDPOINT_URL": "http://127.0.0.1:3333"],
                       profile: ["endpoint_url": "http://127.0.0.1:4444"], expected: "http://127.0.0.1:1111"),
        PrecedenceCase(name: "service variable beats the global one", environment: [
            "AWS_ENDPOINT_URL_S3": "http://127.0.0.1:2222", "AWS_ENDPOINT_URL": "http://127.0.0.1:3333"],
                       profile: ["endpoint_url": "http://127.0.0.1:4444"], expected: "http://127.0.0.1:2222"),
        PrecedenceCase(name: "another service's variable does not apply",
                       environment: ["AWS_ENDPOINT_URL_IAM": "http://127.0.0.1:2222", "AWS_ENDPOINT_URL": "http://127.0.0.1:3333"],
                       expected: "http://127.0.0.1:3333"),
        PrecedenceCase(name: "global variable beats the profile", environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:3333"],
                       profile: ["endpoint_url": "http://127.0.0.1:4444"], expected: "http://127.0.0.1:3333"),
        PrecedenceCase(name: "the profile's endpoint_url", profile: ["endpoint_url": "http://127.0.0.1:4444/"],
                       expected: "http://127.0.0.1:4444"),
        PrecedenceCase(name: "empty variables count as unset", environment: ["AWS_ENDPOINT_URL_S3": "", "AWS_ENDPOINT_URL": " "],
                       profile: ["endpoint_url": "http://127.0.0.1:4444"], expected: "http://127.0.0.1:4444"),
        PrecedenceCase(name: "ignore flag drops environment and profile", environment: [
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "TRUE", "AWS_ENDPOINT_URL_S3": "http://127.0.0.1:2222"],
                       profile: ["endpoint_url": "http://127.0.0.1:4444"], expected: "https://s3.eu-west-1.amazonaws.com"),
        PrecedenceCase(name: "ignore flag never drops --endpoint-url", flag: "http://127.0.0.1:1111",
                       environment: ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"], expected: "http://127.0.0.1:1111"),
        PrecedenceCase(name: "ignore=false keeps configured URLs", environment: [
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "false", "AWS_ENDPOINT_URL": "http://127.0.0.1:3333"],
                       expected: "http://127.0.0.1:3333"),
        PrecedenceCase(name: "the profile's ignore setting applies when the variable is unset",
                       profile: ["endpoint_url": "http://127.0.0.1:4444", "ignore_configured_endpoint_urls": "true"],
                       expected: "https://s3.eu-west-1.amazonaws.com"),
        PrecedenceCase(name: "the variable overrides the profile's ignore setting", environment: [
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "false"],
                       profile: ["endpoint_url": "http://127.0.0.1:4444", "ignore_configured_endpoint_urls": "true"],
                       expected: "http://127.0.0.1:4444"),
        PrecedenceCase(name: "S3 Control reads AWS_ENDPOINT_URL_S3_CONTROL", environment: [
            "AWS_ENDPOINT_URL_S3_CONTROL": "http://127.0.0.1:5555", "AWS_ENDPOINT_URL_S3": "http://127.0.0.1:2222"],
                       service: .s3Control, expected: "http://127.0.0.1:5555"),
        PrecedenceCase(name: "Config reads AWS_ENDPOINT_URL_CONFIG_SERVICE",
                       environment: ["AWS_ENDPOINT_URL_CONFIG_SERVICE": "https://config.example.test/base/"],
                       service: .config, expected: "https://config.example.test/base"),
        PrecedenceCase(name: "Access Analyzer reads AWS_ENDPOINT_URL_ACCESSANALYZER",
                       environment: ["AWS_ENDPOINT_URL_ACCESSANALYZER": "http://localhost:9000"],
                       service: .accessAnalyzer, expected: "http://localhost:9000"),
    ]

    @Test("custom endpoint precedence", arguments: precedence)
    func customPrecedence(_ testCase: PrecedenceCase) throws {
        let resolver = AWSEndpointResolver(endpointURL: testCase.flag, environment: testCase.environment, profile: testCase.profile)
        let endpoint = try resolver.endpoint(for: testCase.service, region: "eu-west-1")
        #expect(endpoint.baseURL == testCase.expected)
        #expect(endpoint.isCustom == !testCase.expected.contains("amazonaws.com"))
        // IAM is global: signed for us-east-1 whatever the endpoint, as the SDKs do.
        #expect(endpoint.signingRegion == (testCase.service == .iam ? "us-east-1" : "eu-west-1"))
        #expect(endpoint.signingName == testCase.service.signingName)
    }

    @Test("a custom IAM endpoint is still signed for the partition's global region")
    func customIAMSigningRegion() throws {
        let resolver = AWSEndpointResolver(endpointURL: "http://127.0.0.1:5000", environment: [:])
        #expect(try resolver.endpoint(for: .iam, region: "eu-west-1").signingRegion == "us-east-1")
        #expect(try resolver.endpoint(for: .iam, region: "cn-north-1").signingRegion == "cn-north-1")
        #expect(try resolver.endpoint(for: .kms, region: "eu-west-1").signingRegion == "eu-west-1")
    }

    @Test("SDK service ids and signing names match botocore's service models")
    func serviceNames() {
        #expect(AWSService.allCases.map(\.sdkServiceId) == ["STS", "IAM", "S3", "S3_CONTROL", "CLOUDTRAIL", "CONFIG_SERVICE", "KMS",
                                                            "ACCESSANALYZER", "EC2"])
        #expect(AWSService.allCases.map(\.signingName) == ["sts", "iam", "s3", "s3", "cloudtrail", "config", "kms",
                                                           "access-analyzer", "ec2"])
    }

    struct DefaultCase: Sendable, CustomTestStringConvertible {
        var service: AWSService
        var region: String
        var url: String
        var signingRegion: String
        var testDescription: String { "\(service.rawValue) in \(region)" }
    }

    @Test("partition defaults", arguments: [
        DefaultCase(service: .iam, region: "eu-central-1", url: "https://iam.amazonaws.com", signingRegion: "us-east-1"),
        DefaultCase(service: .iam, region: "cn-northwest-1", url: "https://iam.cn-north-1.amazonaws.com.cn", signingRegion: "cn-north-1"),
        DefaultCase(service: .iam, region: "us-gov-east-1", url: "https://iam.us-gov.amazonaws.com", signingRegion: "us-gov-west-1"),
        DefaultCase(service: .sts, region: "ap-southeast-2", url: "https://sts.ap-southeast-2.amazonaws.com", signingRegion: "ap-southeast-2"),
        DefaultCase(service: .sts, region: "cn-north-1", url: "https://sts.cn-north-1.amazonaws.com.cn", signingRegion: "cn-north-1"),
        DefaultCase(service: .s3, region: "us-east-1", url: "https://s3.us-east-1.amazonaws.com", signingRegion: "us-east-1"),
        DefaultCase(service: .s3, region: "us-gov-west-1", url: "https://s3.us-gov-west-1.amazonaws.com", signingRegion: "us-gov-west-1"),
        DefaultCase(service: .cloudTrail, region: "eu-west-3", url: "https://cloudtrail.eu-west-3.amazonaws.com", signingRegion: "eu-west-3"),
        DefaultCase(service: .config, region: "cn-north-1", url: "https://config.cn-north-1.amazonaws.com.cn", signingRegion: "cn-north-1"),
        DefaultCase(service: .kms, region: "sa-east-1", url: "https://kms.sa-east-1.amazonaws.com", signingRegion: "sa-east-1"),
        DefaultCase(service: .accessAnalyzer, region: "us-west-2", url: "https://access-analyzer.us-west-2.amazonaws.com", signingRegion: "us-west-2"),
        DefaultCase(service: .ec2, region: "me-south-1", url: "https://ec2.me-south-1.amazonaws.com", signingRegion: "me-south-1"),
    ])
    func partitionDefaults(_ testCase: DefaultCase) throws {
        let endpoint = try AWSEndpointResolver(environment: [:]).endpoint(for: testCase.service, region: testCase.region)
        #expect(endpoint == AWSEndpoint(baseURL: testCase.url, signingRegion: testCase.signingRegion,
                                        signingName: testCase.service.signingName, isCustom: false))
    }

    @Test("malformed endpoint URLs are errors naming the value and its source", arguments: [
        ("ftp://127.0.0.1", "the scheme must be http or https"),
        ("127.0.0.1:5000", "expected http://host[:port]"),
        ("http://127.0.0.1:99999", "the port must be a number"),
        ("http://127.0.0.1:5000/?x=1", "no query or fragment"),
        ("http://", "the URL has no host"),
    ])
    func malformedURLs(_ value: String, _ reason: String) {
        let resolver = AWSEndpointResolver(environment: ["AWS_ENDPOINT_URL_KMS": value])
        do {
            _ = try resolver.endpoint(for: .kms, region: "us-east-1")
            Issue.record("accepted \(value)")
        } catch {
            #expect(error.description.contains("'\(value)' (from AWS_ENDPOINT_URL_KMS)"), "\(error)")
            #expect(error.description.contains(reason), "\(error)")
        }
    }

    @Test("URLs are built with RFC 3986 encoding below the base path")
    func urlBuilding() {
        let endpoint = AWSEndpoint(baseURL: "http://127.0.0.1:5000/prefix", signingRegion: "us-east-1", signingName: "s3", isCustom: true)
        #expect(endpoint.url(path: "/a b/ሴ+~", query: [URLQueryItem(name: "list-type", value: "2"),
                                                       URLQueryItem(name: "prefix", value: "x y&z"),
                                                       URLQueryItem(name: "policy", value: nil)])
            == "http://127.0.0.1:5000/prefix/a%20b/%E1%88%B4%2B~?list-type=2&prefix=x%20y%26z&policy")
        #expect(endpoint.url() == "http://127.0.0.1:5000/prefix")
        let root = AWSEndpoint(baseURL: "https://iam.amazonaws.com", signingRegion: "us-east-1", signingName: "iam", isCustom: false)
        #expect(root.url() == "https://iam.amazonaws.com/")
        #expect(root.url(query: [URLQueryItem(name: "Action", value: "ListUsers")]) == "https://iam.amazonaws.com/?Action=ListUsers")
    }

    @Test("a built URL signs with the same encoding it was written in")
    func builderAndSignerAgree() throws {
        let endpoint = AWSEndpoint(baseURL: "https://s3.us-east-1.amazonaws.com/bucket", signingRegion: "us-east-1", signingName: "s3", isCustom: false)
        var request = HTTPRequest(url: endpoint.url(path: "/dir/a b+ሴ.txt", query: [URLQueryItem(name: "versionId", value: "v 1")]))
        let steps = try endpoint.signer().signReturningSteps(&request, key: SigningKeyMaterial(accessKeyId: "AKIA", secretAccessKey: "s"),
                                                             date: Date(timeIntervalSince1970: 0))
        let lines = steps.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "/bucket/dir/a%20b%2B%E1%88%B4.txt")
        #expect(lines[2] == "versionId=v%201")
    }
}
