import Foundation
import HTTP
import Testing
@testable import ProviderAWS

/// Requests signed here and sent over loopback to moto_server with authentication on: moto
/// recomputes each signature with botocore and answers SignatureDoesNotMatch when it differs.
/// Endpoints come from the resolver with `--endpoint-url` set, as a live scan against moto.
@Suite("SigV4 against moto_server", .enabled(if: MotoServer.executable != nil, "needs moto_server"), .serialized)
struct SigV4MotoTests {
    static let region = "eu-west-1"
    static let formType = HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")

    /// Signs `request` for the endpoint's service and region (adding the endpoint's headers).
    static func signed(_ request: HTTPRequest, for endpoint: AWSEndpoint, key: SigningKeyMaterial) throws -> HTTPRequest {
        var request = request
        request.headers += endpoint.headers
        try endpoint.signer().sign(&request, key: key, date: Date())
        return request
    }

    static func query(_ endpoint: AWSEndpoint, _ body: String) -> HTTPRequest {
        HTTPRequest(method: "POST", url: endpoint.url(), headers: [formType], body: Data(body.utf8))
    }

    /// The text between `<name>` and `</name>` in an XML answer.
    static func element(_ name: String, in body: Data) -> String? {
        let text = String(decoding: body, as: UTF8.self)
        guard let start = text.range(of: "<\(name)>"), let end = text.range(of: "</\(name)>", range: start.upperBound..<text.endIndex) else {
            return nil
        }
        return String(text[start.upperBound..<end.lowerBound])
    }

    @Test("IAM, STS, KMS and S3 requests signed here are accepted; the same with a wrong secret are refused")
    func motoVerifiesSignatures() throws {
        let moto = try MotoServer()
        let resolver = AWSEndpointResolver(endpointURL: moto.baseURL, environment: [:])
        let iam = try resolver.endpoint(for: .iam, region: Self.region)
        // Four set-up calls run unauthenticated: a user with an access key and an allow-all policy.
        try moto.requireAuthentication(after: 4)
        let setupKey = SigningKeyMaterial(accessKeyId: "AKIASETUPONLY", secretAccessKey: "unused")
        let policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"
        var answers: [HTTPResponse] = []
        for body in ["Action=CreateUser&UserName=signer&Version=2010-05-08",
                     "Action=CreateAccessKey&UserName=signer&Version=2010-05-08",
                     "Action=CreatePolicy&PolicyName=all&PolicyDocument=\(PercentEncoding.encode(policy))&Version=2010-05-08",
                     "Action=AttachUserPolicy&UserName=signer&PolicyArn=\(PercentEncoding.encode("arn:aws:iam::123456789012:policy/all"))&Version=2010-05-08"] {
            answers.append(try moto.send(Self.signed(Self.query(iam, body), for: iam, key: setupKey)))
        }
        #expect(answers.map(\.status) == [200, 200, 200, 200])
        let key = SigningKeyMaterial(accessKeyId: try #require(Self.element("AccessKeyId", in: answers[1].body)),
                                     secretAccessKey: try #require(Self.element("SecretAccessKey", in: answers[1].body)))
        let wrong = SigningKeyMaterial(accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey + "x")

        let sts = try resolver.endpoint(for: .sts, region: Self.region)
        let kms = try resolver.endpoint(for: .kms, region: Self.region)
        let bucket = try resolver.s3Endpoint(bucket: "signed-bucket", region: Self.region)
        let location = "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>\(Self.region)</LocationConstraint></CreateBucketConfiguration>"
        let calls: [(String, AWSEndpoint, HTTPRequest)] = [
            ("iam:ListUsers", iam, Self.query(iam, "Action=ListUsers&Version=2010-05-08")),
            ("sts:GetCallerIdentity", sts, Self.query(sts, "Action=GetCallerIdentity&Version=2011-06-15")),
            ("kms:ListKeys", kms, HTTPRequest(method: "POST", url: kms.url(), headers: [
                HTTPHeader("Content-Type", "application/x-amz-json-1.1"), HTTPHeader("X-Amz-Target", "TrentService.ListKeys")],
                body: Data("{}".utf8))),
            ("s3:CreateBucket", bucket, HTTPRequest(method: "PUT", url: bucket.url(), body: Data(location.utf8))),
            ("s3:PutObject", bucket, HTTPRequest(method: "PUT", url: bucket.url(path: "/dir/a b.txt"), body: Data("hello".utf8))),
            ("s3:GetObject", bucket, HTTPRequest(url: bucket.url(path: "/dir/a b.txt"))),
            // Not "dir/a b": moto re-signs a query value holding %2F (or a key holding '+' or
            // non-ASCII) differently from botocore's own client, so those fail for boto3 too.
            ("s3:ListObjectsV2", bucket, HTTPRequest(url: bucket.url(query: [URLQueryItem(name: "list-type", value: "2"),
                                                                              URLQueryItem(name: "prefix", value: "a b")]))),
            ("s3:GetBucketVersioning", bucket, HTTPRequest(url: bucket.url(query: [URLQueryItem(name: "versioning", value: nil)]))),
        ]
        for (name, endpoint, request) in calls {
            let refused = try moto.send(Self.signed(request, for: endpoint, key: wrong))
            #expect(refused.status == 403, "\(name) with a wrong secret answered \(refused.status)")
            let accepted = try moto.send(Self.signed(request, for: endpoint, key: key))
            #expect(accepted.status == 200, "\(name): \(accepted.status) \(String(decoding: accepted.body, as: UTF8.self).prefix(300))")
        }
        let object = try moto.send(Self.signed(calls[5].2, for: bucket, key: key))
        #expect(String(decoding: object.body, as: UTF8.self) == "hello")
    }
}
