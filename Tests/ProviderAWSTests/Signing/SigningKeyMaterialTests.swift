import Foundation
import HTTP
import Testing
@testable import ProviderAWS

/// Nothing that holds a secret prints it: not `description`, `debugDescription`, `dump`, nor a
/// signer whose cache holds the derived key.
@Suite("Secret hygiene")
struct SigningKeyMaterialTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN"
    static let material = SigningKeyMaterial(accessKeyId: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: secret, sessionToken: token)

    static func renderings(_ value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), "\(value)", dumped]
    }

    @Test("key material prints as ASIA…(redacted), in every rendering")
    func keyMaterial() {
        for text in Self.renderings(Self.material) {
            #expect(text.contains("ASIA…(redacted)"), "\(text)")
            #expect(!text.contains(Self.secret) && !text.contains(Self.token) && !text.contains("IOSFODNN7"), "\(text)")
        }
        #expect(Self.material.description == "SigningKeyMaterial(ASIA…(redacted), session token: (redacted))")
    }

    @Test("a signer that has cached a derived key prints neither secret nor key")
    func signerAfterSigning() throws {
        let signer = SigV4Signer(service: "iam", region: "us-east-1")
        var request = HTTPRequest(method: "POST", url: "https://iam.amazonaws.com/")
        let date = Date(timeIntervalSince1970: 1_709_622_489)
        try signer.sign(&request, key: Self.material, date: date)
        let derived = SigV4Hex.encode(SigningKeyCache.derive(secret: Self.secret, scopeDate: "20240305", region: "us-east-1",
                                                             service: "iam").withUnsafeBytes { Array($0) })
        for text in Self.renderings(signer) {
            #expect(!text.contains(Self.secret) && !text.contains(derived) && !text.contains(Self.token), "\(text)")
        }
        #expect(Self.renderings(signer).last?.contains("(redacted)") == true)
    }

    @Test("endpoint errors hide user info in a URL")
    func endpointErrorRedactsUserInfo() {
        let resolver = AWSEndpointResolver(endpointURL: "http://AKIA:\(Self.secret)@localhost:5000", environment: [:])
        do {
            _ = try resolver.endpoint(for: .iam, region: "us-east-1")
            Issue.record("user info accepted")
        } catch {
            #expect(!error.description.contains(Self.secret))
            #expect(error.description.contains("http://(redacted)@localhost:5000"))
        }
    }
}
