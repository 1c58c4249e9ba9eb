import Testing
@testable import ProviderAWS

@Suite("RFC 3986 encoding shared by signer and URL builder")
struct AWSPercentEncodingTests {
    @Test("only unreserved characters stay; UTF-8 bytes and reserved ones become uppercase %XX")
    func encoding() {
        #expect(AWSPercentEncoding.encode("AZaz09-._~") == "AZaz09-._~")
        #expect(AWSPercentEncoding.encode("a b+c/d=e&f*") == "a%20b%2Bc%2Fd%3De%26f%2A")
        #expect(AWSPercentEncoding.encode("a b/ሴ", keepingSlash: true) == "a%20b/%E1%88%B4")
        #expect(AWSPercentEncoding.encode("100%") == "100%25")
    }

    @Test("decoding takes %XX in either case, leaves + and broken escapes literal")
    func decoding() {
        #expect(AWSPercentEncoding.decode("%e1%88%B4+%2") == Array("ሴ+%2".utf8))
        #expect(AWSPercentEncoding.encode(bytes: AWSPercentEncoding.decode("%7e%41%zz")) == "~A%25zz")
    }

    @Test("canonical query: decoded, re-encoded, sorted by name then value, bare names get '='")
    func query() {
        #expect(SigV4CanonicalQuery.canonical("b=2&a=2&a=1&acl&c=x+y&d=%7e") == "a=1&a=2&acl=&b=2&c=x%2By&d=~")
        #expect(SigV4CanonicalQuery.canonical("") == "")
        #expect(SigV4CanonicalQuery.canonical("&&") == "")
        #expect(SigV4CanonicalQuery.canonical("Z=1&%E1%88%B4=2&a=3") == "%E1%88%B4=2&Z=1&a=3")
    }
}
