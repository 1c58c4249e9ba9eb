import Testing
@testable import ProviderAWS

@Suite("SigV4 canonical query")
struct SigV4CanonicalQueryTests {
    @Test("canonical query: decoded, re-encoded, sorted by name then value, bare names get '='")
    func query() {
        #expect(SigV4CanonicalQuery.canonical("b=2&a=2&a=1&acl&c=x+y&d=%7e") == "a=1&a=2&acl=&b=2&c=x%2By&d=~")
        #expect(SigV4CanonicalQuery.canonical("") == "")
        #expect(SigV4CanonicalQuery.canonical("&&") == "")
        #expect(SigV4CanonicalQuery.canonical("Z=1&%E1%88%B4=2&a=3") == "%E1%88%B4=2&Z=1&a=3")
    }
}
