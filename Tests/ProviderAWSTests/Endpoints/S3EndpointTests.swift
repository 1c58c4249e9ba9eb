import Testing
@testable import ProviderAWS

@Suite("S3 and S3 Control endpoints")
struct S3EndpointTests {
    @Test("addressing style on real AWS: virtual-hosted only for single-label lowercase names", arguments: [
        ("my-bucket-01", S3AddressingStyle.virtualHosted),
        ("abc", .virtualHosted),
        ("ab", .path),
        ("my.bucket", .path),
        ("MyBucket", .path),
        ("under_score", .path),
        ("-leading", .path),
        ("trailing-", .path),
        (String(repeating: "a", count: 64), .path),
    ])
    func addressingStyle(_ bucket: String, _ style: S3AddressingStyle) {
        #expect(AWSEndpointResolver.s3AddressingStyle(bucket: bucket, customEndpoint: false) == style)
        #expect(AWSEndpointResolver.s3AddressingStyle(bucket: bucket, customEndpoint: true) == .path)
    }

    @Test("bucket endpoints: virtual host on AWS, path style with dots or a custom endpoint")
    func bucketEndpoints() throws {
        let aws = AWSEndpointResolver(environment: [:])
        #expect(try aws.s3Endpoint(bucket: "logs", region: "eu-west-1").baseURL == "https://logs.s3.eu-west-1.amazonaws.com")
        #expect(try aws.s3Endpoint(bucket: "logs", region: "cn-north-1").baseURL == "https://logs.s3.cn-north-1.amazonaws.com.cn")
        #expect(try aws.s3Endpoint(bucket: "my.logs", region: "eu-west-1").baseURL == "https://s3.eu-west-1.amazonaws.com/my.logs")
        let virtual = try aws.s3Endpoint(bucket: "logs", region: "eu-west-1")
        #expect(virtual.url(path: "/a b") == "https://logs.s3.eu-west-1.amazonaws.com/a%20b")
        #expect(virtual.url() == "https://logs.s3.eu-west-1.amazonaws.com/")
        let moto = AWSEndpointResolver(endpointURL: "http://127.0.0.1:5000", environment: [:])
        let pathStyle = try moto.s3Endpoint(bucket: "logs", region: "eu-west-1")
        #expect(pathStyle.baseURL == "http://127.0.0.1:5000/logs")
        #expect(pathStyle.isCustom && pathStyle.signingName == "s3" && pathStyle.signingRegion == "eu-west-1")
        let localhost = AWSEndpointResolver(endpointURL: "http://localhost:5000", environment: [:])
        #expect(try localhost.s3Endpoint(bucket: "logs", region: "us-east-1").baseURL == "http://localhost:5000/logs")
    }

    @Test("S3 Control on AWS: account label, signed as s3, x-amz-account-id header")
    func s3ControlOnAWS() throws {
        let endpoint = try AWSEndpointResolver(environment: [:]).s3ControlEndpoint(accountId: "123456789012", region: "us-gov-west-1")
        #expect(endpoint.baseURL == "https://123456789012.s3-control.us-gov-west-1.amazonaws.com")
        #expect(endpoint.signingName == "s3" && endpoint.signingRegion == "us-gov-west-1" && !endpoint.isCustom)
        #expect(endpoint.headers.map { "\($0.name): \($0.value)" } == ["x-amz-account-id: 123456789012"])
    }

    @Test("S3 Control with a custom endpoint: the account id prefixes a host name, not an IP literal", arguments: [
        ("http://localhost:5000", "http://123456789012.localhost:5000"),
        ("https://s3-control.example.test/base", "https://123456789012.s3-control.example.test/base"),
        ("http://127.0.0.1:5000", "http://127.0.0.1:5000"),
        ("http://[::1]:5000", "http://[::1]:5000"),
        ("http://999.1.1.1:5000", "http://123456789012.999.1.1.1:5000"),
    ])
    func s3ControlCustom(_ custom: String, _ expected: String) throws {
        let endpoint = try AWSEndpointResolver(environment: ["AWS_ENDPOINT_URL_S3_CONTROL": custom])
            .s3ControlEndpoint(accountId: "123456789012", region: "eu-west-1")
        #expect(endpoint.baseURL == expected)
        #expect(endpoint.isCustom && endpoint.signingName == "s3")
        #expect(endpoint.headers.first?.value == "123456789012")
    }

    @Test("S3 Control refuses an account id that is not 12 digits", arguments: ["12345678901", "1234567890123", "12345678901a", "../evil"])
    func badAccountId(_ account: String) {
        #expect(throws: AWSEndpointError.self) { try AWSEndpointResolver(environment: [:]).s3ControlEndpoint(accountId: account, region: "us-east-1") }
    }
}
