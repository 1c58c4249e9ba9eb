import Foundation
import HTTP
import Testing
@testable import ProviderAWS

/// The signer on requests shaped like the collector's, against signatures botocore 1.43
/// computed for the same requests (`SigV4Auth` / `S3SigV4Auth.add_auth`, clock fixed at
/// 2024-03-05T07:08:09Z, key AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY).
@Suite("SigV4 signer")
struct SigV4SignerTests {
    static let key = SigningKeyMaterial(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let date = Date(timeIntervalSince1970: 1_709_622_489)
    static let formType = HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")

    struct Vector: CustomTestStringConvertible {
        var name: String
        var service: String
        var region: String
        var request: HTTPRequest
        var token: String?
        var canonicalRequest: String
        var signature: String
        var signedHeaders: String
        var testDescription: String { name }
    }

    static let vectors: [Vector] = [
        Vector(name: "IAM query POST", service: "iam", region: "us-east-1",
               request: HTTPRequest(method: "POST", url: "https://iam.amazonaws.com/", headers: [formType],
                                    body: Data("Action=ListUsers&Version=2010-05-08".utf8)),
               canonicalRequest: """
               POST
               /

               content-type:application/x-www-form-urlencoded; charset=utf-8
               host:iam.amazonaws.com
               x-amz-date:20240305T070809Z

               content-type;host;x-amz-date
               b6359072c78d70ebee1e81adcbab4f01bf2c23245fa365ef83fe8f1f955085e2
               """,
               signature: "b703d84bac0af7c3e4a22cb2fdaedb5e1c0038990579036615312133b7dff90b",
               signedHeaders: "content-type;host;x-amz-date"),
        Vector(name: "S3 path-style GET on a port: path signed as sent, subresource without value",
               service: "s3", region: "eu-west-1",
               request: HTTPRequest(url: "http://127.0.0.1:5000/my.bucket/a%20b/c%2Bd//e.txt?versionId=x%2By&acl"),
               canonicalRequest: """
               GET
               /my.bucket/a%20b/c%2Bd//e.txt
               acl=&versionId=x%2By
               host:127.0.0.1:5000
               x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
               x-amz-date:20240305T070809Z

               host;x-amz-content-sha256;x-amz-date
               e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
               """,
               signature: "4ff3f5ab003990d18361e97c5aa61e35cf67b5bdb961bcba0fb714878908ff91",
               signedHeaders: "host;x-amz-content-sha256;x-amz-date"),
        Vector(name: "STS with a session token on localhost:5000", service: "sts", region: "eu-west-1",
               request: HTTPRequest(method: "POST", url: "http://localhost:5000/", headers: [formType],
                                    body: Data("Action=GetCallerIdentity&Version=2011-06-15".utf8)),
               token: "FQoGZXIvYXdzEXAMPLETOKEN==",
               canonicalRequest: """
               POST
               /

               content-type:application/x-www-form-urlencoded; charset=utf-8
               host:localhost:5000
               x-amz-date:20240305T070809Z
               x-amz-security-token:FQoGZXIvYXdzEXAMPLETOKEN==

               content-type;host;x-amz-date;x-amz-security-token
               ab821ae955788b0e33ebd34c208442ccfc2d406e2edc5e7a39bd6458fbb4f843
               """,
               signature: "202fda41c7fafeb7f9f08b2b192e5620b08825932cc612734226b425f9116987",
               signedHeaders: "content-type;host;x-amz-date;x-amz-security-token"),
        Vector(name: "REST-JSON GET: an encoded slash is encoded again, query sorted", service: "access-analyzer",
               region: "us-west-2",
               request: HTTPRequest(url: "https://access-analyzer.us-west-2.amazonaws.com/analyzer/a%2Fb?type=ACCOUNT&maxResults=10"),
               canonicalRequest: """
               GET
               /analyzer/a%252Fb
               maxResults=10&type=ACCOUNT
               host:access-analyzer.us-west-2.amazonaws.com
               x-amz-date:20240305T070809Z

               host;x-amz-date
               e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
               """,
               signature: "5dee83185d73a982c8d113050827e393877ac970d050a29cd0c338c2ff8b647d",
               signedHeaders: "host;x-amz-date"),
    ]

    @Test("signatures match botocore's for the same request", arguments: vectors)
    func matchesBotocore(_ vector: Vector) throws {
        var request = vector.request
        let material = SigningKeyMaterial(accessKeyId: Self.key.accessKeyId, secretAccessKey: Self.key.secretAccessKey,
                                          sessionToken: vector.token)
        let steps = try SigV4Signer(service: vector.service, region: vector.region)
            .signReturningSteps(&request, key: material, date: Self.date)
        #expect(steps.canonicalRequest == vector.canonicalRequest)
        let scope = "20240305/\(vector.region)/\(vector.service)/aws4_request"
        #expect(request.header("Authorization") == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/\(scope), "
            + "SignedHeaders=\(vector.signedHeaders), Signature=\(vector.signature)")
        #expect(request.header("X-Amz-Date") == "20240305T070809Z")
        #expect(request.header("X-Amz-Security-Token") == vector.token)
        #expect(request.header("Host") == nil, "the transport sends Host; the signer only signs it")
    }

    @Test("S3 rules send x-amz-content-sha256 with the body's hash; other services do not")
    func contentHashHeader() throws {
        let body = Data("<Tagging/>".utf8)
        var s3 = HTTPRequest(method: "PUT", url: "https://b.s3.us-east-1.amazonaws.com/?tagging", body: body)
        try SigV4Signer(service: "s3", region: "us-east-1").sign(&s3, key: Self.key, date: Self.date)
        // sha256("<Tagging/>"), from Python's hashlib.
        #expect(s3.header("x-amz-content-sha256") == "4a30abeb5dabf612172d2ee8341621891bc3606ba5df198bb045c130ea09ad42")
        #expect(s3.header("Authorization")?.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date,") == true)
        var iam = HTTPRequest(method: "POST", url: "https://iam.amazonaws.com/", body: body)
        try SigV4Signer(service: "iam", region: "us-east-1").sign(&iam, key: Self.key, date: Self.date)
        #expect(iam.header("x-amz-content-sha256") == nil)
    }

    @Test("signing again (a retry) replaces date, token, hash and signature instead of adding more")
    func resigningReplaces() throws {
        let signer = SigV4Signer(service: "s3", region: "us-east-1")
        let temporary = SigningKeyMaterial(accessKeyId: "ASIAEXAMPLE", secretAccessKey: "secret", sessionToken: "token-1")
        var request = HTTPRequest(url: "https://s3.us-east-1.amazonaws.com/")
        try signer.sign(&request, key: temporary, date: Self.date)
        let first = request.header("Authorization")
        let refreshed = SigningKeyMaterial(accessKeyId: "ASIAEXAMPLE", secretAccessKey: "secret", sessionToken: "token-2")
        try signer.sign(&request, key: refreshed, date: Self.date.addingTimeInterval(61))
        for name in ["authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"] {
            #expect(request.headers.filter { $0.name.lowercased() == name }.count == 1, "\(name)")
        }
        #expect(request.header("X-Amz-Date") == "20240305T070910Z")
        #expect(request.header("X-Amz-Security-Token") == "token-2")
        #expect(request.header("Authorization") != first)
        // The re-signed request equals one signed once with the new inputs.
        var fresh = HTTPRequest(url: "https://s3.us-east-1.amazonaws.com/")
        try signer.sign(&fresh, key: refreshed, date: Self.date.addingTimeInterval(61))
        #expect(request.header("Authorization") == fresh.header("Authorization"))
        // Refreshed to long-term keys: the old token goes.
        try signer.sign(&request, key: SigningKeyMaterial(accessKeyId: "AKIAEXAMPLE", secretAccessKey: "secret"), date: Self.date)
        #expect(request.header("X-Amz-Security-Token") == nil)
        #expect(request.header("Authorization")?.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date,") == true)
    }

    struct HostCase: Sendable {
        var url: String
        var headers: [HTTPHeader] = []
        var signedHost: String
    }

    @Test("the signed host is the URL's authority with a non-default port, or the request's own Host", arguments: [
        HostCase(url: "http://localhost:5000/", signedHost: "localhost:5000"),
        HostCase(url: "https://IAM.AmazonAWS.com:443/", signedHost: "iam.amazonaws.com"),
        HostCase(url: "http://127.0.0.1:80/x", signedHost: "127.0.0.1"),
        HostCase(url: "https://s3.amazonaws.com:8443", signedHost: "s3.amazonaws.com:8443"),
        HostCase(url: "http://[::1]:5000/", signedHost: "[::1]:5000"),
        HostCase(url: "https://user@example.com/", signedHost: "example.com"),
        HostCase(url: "http://127.0.0.1:5000/", headers: [HTTPHeader("Host", "bucket.s3.amazonaws.com")],
                 signedHost: "bucket.s3.amazonaws.com"),
    ])
    func signedHost(_ hostCase: HostCase) throws {
        var request = HTTPRequest(url: hostCase.url, headers: hostCase.headers)
        let steps = try SigV4Signer(service: "iam", region: "us-east-1").signReturningSteps(&request, key: Self.key, date: Self.date)
        #expect(steps.canonicalRequest.split(separator: "\n").contains { $0 == "host:" + hostCase.signedHost })
    }

    @Test("headers: transport-owned ones unsigned, values trimmed and collapsed, repeats joined in order")
    func headerRules() throws {
        var request = HTTPRequest(url: "https://kms.eu-west-1.amazonaws.com/", headers: [
            HTTPHeader("User-Agent", "posture/1.0"), HTTPHeader("X-Amz-Target", "  TrentService.ListKeys "),
            HTTPHeader("Content-Type", "application/x-amz-json-1.1"), HTTPHeader("X-Custom", "b"),
            HTTPHeader("x-custom", "a\t\t c"), HTTPHeader("Expect", "100-continue"),
        ])
        let steps = try SigV4Signer(service: "kms", region: "eu-west-1").signReturningSteps(&request, key: Self.key, date: Self.date)
        let lines = steps.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(Array(lines[3...8]) == [
            "content-type:application/x-amz-json-1.1", "host:kms.eu-west-1.amazonaws.com", "x-amz-date:20240305T070809Z",
            "x-amz-target:TrentService.ListKeys", "x-custom:b,a c", "",
        ])
        #expect(lines[9] == "content-type;host;x-amz-date;x-amz-target;x-custom")
    }

    @Test("paths: other services normalise and encode again; S3 signs the path as sent")
    func pathRules() {
        #expect(SigV4CanonicalPath.canonical("/a/./b/../c//d%20e", s3Rules: false) == "/a/c/d%2520e")
        #expect(SigV4CanonicalPath.canonical("/a/./b/../c//d%20e", s3Rules: true) == "/a/./b/../c//d%20e")
        #expect(SigV4CanonicalPath.canonical("/key%2fwith%2Fslash", s3Rules: true) == "/key%2Fwith%2Fslash")
        #expect(SigV4CanonicalPath.canonical("/raw space", s3Rules: true) == "/raw%20space")
        #expect(SigV4CanonicalPath.canonical("", s3Rules: true) == "/")
        #expect(SigV4CanonicalPath.canonical("", s3Rules: false) == "/")
        #expect(SigV4CanonicalPath.canonical("/a/b/..", s3Rules: false) == "/a")
    }

    @Test("the token can be added after signing, outside the signature")
    func tokenAfterSigning() throws {
        let signer = SigV4Signer(service: "sts", region: "us-east-1", options: .init(s3Rules: false, securityTokenPlacement: .appendedAfterSigning))
        var request = HTTPRequest(method: "POST", url: "https://sts.us-east-1.amazonaws.com/")
        let material = SigningKeyMaterial(accessKeyId: "ASIAX", secretAccessKey: "s", sessionToken: "tok")
        try signer.sign(&request, key: material, date: Self.date)
        #expect(request.headers.last == HTTPHeader("X-Amz-Security-Token", "tok"))
        #expect(request.header("Authorization")?.contains("SignedHeaders=host;x-amz-date,") == true)
    }

    @Test("the signing key is derived once per day and credential set")
    func signingKeyCache() throws {
        let signer = SigV4Signer(service: "iam", region: "us-east-1")
        for offset in 0..<5 {
            var request = HTTPRequest(method: "POST", url: "https://iam.amazonaws.com/")
            try signer.sign(&request, key: Self.key, date: Self.date.addingTimeInterval(Double(offset)))
        }
        #expect(signer.keyCache.derivations == 1)
        var nextDay = HTTPRequest(method: "POST", url: "https://iam.amazonaws.com/")
        try signer.sign(&nextDay, key: Self.key, date: Self.date.addingTimeInterval(86_400))
        #expect(signer.keyCache.derivations == 2)
        var rotated = HTTPRequest(method: "POST", url: "https://iam.amazonaws.com/")
        let other = SigningKeyMaterial(accessKeyId: Self.key.accessKeyId, secretAccessKey: "another-secret")
        try signer.sign(&rotated, key: other, date: Self.date.addingTimeInterval(86_400))
        #expect(signer.keyCache.derivations == 3)
        // A cached key signs exactly like a freshly derived one.
        var cached = HTTPRequest(method: "POST", url: "https://iam.amazonaws.com/")
        try signer.sign(&cached, key: other, date: Self.date.addingTimeInterval(86_400))
        var uncached = HTTPRequest(method: "POST", url: "https://iam.amazonaws.com/")
        try SigV4Signer(service: "iam", region: "us-east-1").sign(&uncached, key: other, date: Self.date.addingTimeInterval(86_400))
        #expect(cached.header("Authorization") == uncached.header("Authorization"))
        #expect(signer.keyCache.derivations == 3)
    }

    @Test("the prepare hook signs each attempt with the clock's time")
    func preparer() throws {
        let signer = SigV4Signer(service: "iam", region: "us-east-1")
        var request = HTTPRequest(method: "POST", url: "https://iam.amazonaws.com/",
                                  prepare: signer.preparer(key: Self.key, now: { Self.date }))
        try request.prepare?(&request)
        #expect(request.header("X-Amz-Date") == "20240305T070809Z")
        #expect(request.header("Authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240305/us-east-1/iam/") == true)
    }

    @Test("unsignable requests are errors naming the request, not the secret")
    func errors() {
        var noHost = HTTPRequest(url: "/relative/path", label: "iam:ListUsers us-east-1")
        #expect(throws: SigV4Error.self) { try SigV4Signer(service: "iam", region: "us-east-1").sign(&noHost, key: Self.key, date: Self.date) }
        var request = HTTPRequest(url: "https://iam.amazonaws.com/", label: "iam:ListUsers us-east-1")
        let empty = SigningKeyMaterial(accessKeyId: "AKIA", secretAccessKey: "")
        do {
            try SigV4Signer(service: "iam", region: "us-east-1").sign(&request, key: empty, date: Self.date)
            Issue.record("signed with an empty secret")
        } catch {
            #expect(error.description.hasPrefix("iam:ListUsers us-east-1: cannot sign"))
        }
    }
}
