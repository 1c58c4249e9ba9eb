import Testing
@testable import ProviderAWS

@Suite("Region resolution")
struct AWSRegionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var flag: String?
        var environment: [String: String] = [:]
        var profile: [String: String]?
        var expected: String
        var source: AWSRegionChoice.Source
        var testDescription: String { name }
    }

    @Test("precedence: --region, AWS_REGION, AWS_DEFAULT_REGION, profile, us-east-1", arguments: [
        Case(name: "flag first", flag: "eu-west-1", environment: ["AWS_REGION": "eu-west-2", "AWS_DEFAULT_REGION": "eu-west-3"],
             profile: ["region": "eu-north-1"], expected: "eu-west-1", source: .flag),
        Case(name: "AWS_REGION", environment: ["AWS_REGION": "eu-west-2", "AWS_DEFAULT_REGION": "eu-west-3"],
             profile: ["region": "eu-north-1"], expected: "eu-west-2", source: .environment("AWS_REGION")),
        Case(name: "AWS_DEFAULT_REGION", environment: ["AWS_DEFAULT_REGION": "eu-west-3"], profile: ["region": "eu-north-1"],
             expected: "eu-west-3", source: .environment("AWS_DEFAULT_REGION")),
        Case(name: "profile", environment: ["AWS_REGION": ""], profile: ["region": " eu-north-1 "], expected: "eu-north-1", source: .profile),
        Case(name: "fallback", flag: "", expected: "us-east-1", source: .fallback),
    ])
    func precedence(_ testCase: Case) throws {
        let choice = try AWSRegionChoice.resolve(flag: testCase.flag, environment: testCase.environment, profile: testCase.profile)
        #expect(choice == AWSRegionChoice(name: testCase.expected, source: testCase.source))
    }

    @Test("bad region names are refused with the value and where it came from", arguments: [
        "us_east_1", "US-EAST-1", "useast1", "us-east", "u-east-1", "us--east-1", "us-east-1a", "us-east-1 ", "eu-west-x",
    ])
    func badNames(_ name: String) {
        do {
            _ = try AWSRegionChoice.resolve(flag: nil, environment: ["AWS_REGION": name + "!"], profile: nil)
            Issue.record("accepted \(name)!")
        } catch {
            #expect(error.description.hasPrefix("invalid region '\(name)!' (from AWS_REGION)"), "\(error)")
        }
        #expect(throws: AWSEndpointError.self) { try AWSRegionChoice.validate(name, source: "--region") }
    }

    @Test("good region names pass", arguments: ["us-east-1", "us-gov-west-1", "cn-northwest-1", "ap-southeast-7", "us-iso-east-1", "il-central-1"])
    func goodNames(_ name: String) throws {
        try AWSRegionChoice.validate(name, source: "--region")
    }

    @Test("a bad region is refused before any endpoint is built")
    func endpointChecksRegion() {
        #expect(throws: AWSEndpointError.self) { try AWSEndpointResolver(environment: [:]).endpoint(for: .sts, region: "moon-base") }
    }

    @Test("--regions: all, or a list trimmed and without repeats")
    func selection() throws {
        #expect(try AWSRegionSelection.parse("all") == .all)
        #expect(try AWSRegionSelection.parse(" ALL ") == .all)
        #expect(try AWSRegionSelection.parse("us-east-1, eu-west-1,us-east-1,") == .list(["us-east-1", "eu-west-1"]))
        do {
            _ = try AWSRegionSelection.parse("us-east-1,Mars-1")
            Issue.record("accepted Mars-1")
        } catch {
            #expect(error.description.hasPrefix("invalid region 'Mars-1' (from --regions)"))
        }
        #expect(throws: AWSEndpointError.self) { try AWSRegionSelection.parse(" , ") }
    }
}
