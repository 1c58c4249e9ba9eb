import Foundation
import Testing
@testable import ProviderAWS

@Suite("Credential redaction")
struct AWSCredentialsRedactionTests {
    static let credentials = AWSCredentials(accessKeyId: "ASIAEXAMPLEKEYID1234", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET",
                                            sessionToken: "FwoGZXIvYXdzEXAMPLETOKEN", expiration: Date(timeIntervalSince1970: 0),
                                            source: "environment")

    @Test("description, debugDescription, interpolation and dump show neither secret nor token nor the full key id")
    func redacted() {
        var dumped = ""
        dump(Self.credentials, to: &dumped)
        let renderings = [Self.credentials.description, Self.credentials.debugDescription, "\(Self.credentials)",
                          String(reflecting: Self.credentials), dumped, "\([Self.credentials])"]
        for text in renderings {
            #expect(!text.contains("wJalrXUtnFEMI"), "\(text)")
            #expect(!text.contains("FwoGZXIvYXdz"), "\(text)")
            #expect(!text.contains("EXAMPLEKEYID"), "\(text)")
            #expect(text.contains("ASIA"), "\(text)")
        }
        #expect(Self.credentials.description
            == "AWSCredentials(accessKeyId: ASIA****, secretAccessKey: <redacted>, sessionToken: <redacted>, expiration: 1970-01-01T00:00:00Z, source: environment)")
    }

    @Test("a key id of four characters or fewer is masked entirely")
    func shortKey() {
        #expect(AWSCredentials(accessKeyId: "AKIA", secretAccessKey: "s", source: "t").redactedAccessKeyId == "****")
    }
}
