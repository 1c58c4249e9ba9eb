import Testing
@testable import HTTP

@Suite("RFC 3986 encoding shared by signer and URL builder")
struct PercentEncodingTests {
    @Test("only unreserved characters stay; UTF-8 bytes and reserved ones become uppercase %XX")
    func encoding() {
        #expect(PercentEncoding.encode("AZaz09-._~") == "AZaz09-._~")
        #expect(PercentEncoding.encode("a b+c/d=e&f*") == "a%20b%2Bc%2Fd%3De%26f%2A")
        #expect(PercentEncoding.encode("a b/ሴ", keepingSlash: true) == "a%20b/%E1%88%B4")
        #expect(PercentEncoding.encode("100%") == "100%25")
    }

    @Test("decoding takes %XX in either case, leaves + and broken escapes literal")
    func decoding() {
        #expect(PercentEncoding.decode("%e1%88%B4+%2") == Array("ሴ+%2".utf8))
        #expect(PercentEncoding.encode(bytes: PercentEncoding.decode("%7e%41%zz")) == "~A%25zz")
    }
}
