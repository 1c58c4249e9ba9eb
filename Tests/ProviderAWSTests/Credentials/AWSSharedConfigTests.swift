import Foundation
import PostureTesting
import Testing
@testable import ProviderAWS

@Suite("Shared config and credentials files")
struct AWSSharedConfigTests {
    @Test("comments, key case, ':' delimiter, continuation and nested blocks read as botocore reads them")
    func parsesLikeConfigParser() throws {
        let text = """
        # a comment
        ; another
        [profile dev]
        Region = eu-west-1
        output: json
        note = keeps # this, no inline comments
        s3 =
            addressing_style = path
            Signature_Version = s3v4
        multi = first
          second

        [default]
        region=us-east-2
        """
        let document = try AWSINIParser.parse(text, file: "/x/config", displayFile: "~/config")
        let dev = try #require(document["profile dev"])
        #expect(dev["region"]?.value == "eu-west-1")
        #expect(dev["region"]?.line == 4)
        #expect(dev["output"]?.value == "json")
        #expect(dev["note"]?.value == "keeps # this, no inline comments")
        #expect(dev["s3"]?.nested == ["addressing_style": "path", "Signature_Version": "s3v4"])
        #expect(dev["multi"]?.value == "first\nsecond")
        #expect(dev["multi"]?.nested == nil)
        #expect(document["default"]?["region"]?.value == "us-east-2")
    }

    struct BadFile: CustomTestStringConvertible {
        var text: String
        var message: String
        var testDescription: String { message }
    }

    @Test("malformed files are errors naming file and line", arguments: [
        BadFile(text: "region = x\n", message: "~/config:1: key 'region' before any [section]"),
        BadFile(text: "[a]\nk = 1\nK = 2\n", message: "~/config:3: key 'k' appears twice in [a] (first at line 2)"),
        BadFile(text: "[a]\n[b]\n[a]\n", message: "~/config:3: section [a] appears twice (first at line 1)"),
        BadFile(text: "[a]\njust words\n", message: "~/config:2: expected [section] or key = value"),
        BadFile(text: "[a]\ns3 =\n  no equals here\n", message: "~/config:3: nested setting under 's3' is not key = value"),
    ])
    func malformed(_ bad: BadFile) {
        let error = #expect(throws: AWSCredentialError.self) {
            try AWSINIParser.parse(bad.text, file: "/x/config", displayFile: "~/config")
        }
        #expect(error?.description == bad.message)
        #expect(error?.kind == .invalidConfiguration)
    }

    @Test("profile sections: [default], [profile name], quoted names; others ignored; credentials file laid over config")
    func profileMapping() throws {
        let scratch = try ScratchFolder("posture-creds")
        try scratch.write(".aws/config", """
        [default]
        region = us-east-1
        [profile dev]
        region = eu-west-1
        role_arn = arn:aws:iam::111111111111:role/config-role
        [profile "with space"]
        region = ap-south-1
        [profiledev]
        region = wrong
        [preview]
        cloudfront = true
        """)
        try scratch.write(".aws/credentials", """
        [dev]
        aws_access_key_id = AKIADEV
        aws_secret_access_key = dev-secret
        role_arn = arn:aws:iam::111111111111:role/credentials-role
        """)
        let config = try AWSSharedConfig.load(environment: ["HOME": scratch.path()])
        let dev = try #require(config.profile("dev"))
        #expect(dev.region == "eu-west-1")
        // The credentials file wins key by key (botocore session.full_config).
        #expect(dev["role_arn"] == "arn:aws:iam::111111111111:role/credentials-role")
        #expect(dev.place("role_arn") == "profile \"dev\" in ~/.aws/credentials:4")
        #expect(dev.place("region") == "profile \"dev\" in ~/.aws/config:4")
        #expect(config.profile("with space")?.region == "ap-south-1")
        #expect(config.profile("default")?.region == "us-east-1")
        #expect(config.profile("profiledev") == nil)
        #expect(config.profile("preview") == nil)
        #expect(config.configProfile("dev")?["aws_access_key_id"] == nil)
    }

    @Test("AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE move the files; $VAR and ~ are expanded; missing files are no error")
    func filePaths() throws {
        let scratch = try ScratchFolder("posture-creds")
        try scratch.write("elsewhere/cfg", "[profile x]\nregion = sa-east-1\nendpoint_url = http://127.0.0.1:5000\n")
        let config = try AWSSharedConfig.load(environment: [
            "HOME": scratch.path(), "BASE": scratch.path("elsewhere"),
            "AWS_CONFIG_FILE": "$BASE/cfg", "AWS_SHARED_CREDENTIALS_FILE": "~/missing",
        ])
        #expect(config.configPath == scratch.path("elsewhere/cfg"))
        #expect(config.credentialsPath == scratch.path("missing"))
        #expect(config.profile("x")?.region == "sa-east-1")
        #expect(config.profile("x")?.endpointURL == "http://127.0.0.1:5000")
    }

    @Test("AWS_CONFIG_FILE=/dev/null reads as an empty file, the usual way to say 'no config'")
    func devNull() throws {
        let config = try AWSSharedConfig.load(environment: ["HOME": "/nonexistent", "AWS_CONFIG_FILE": "/dev/null",
                                                            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"])
        #expect(config.config?.sections.isEmpty == true)
        #expect(config.profile("default") == nil)
    }

    @Test("shlex-compatible splitting of credential_process commands")
    func shellWords() throws {
        #expect(try ShellWords.split(#"/bin/tool --flag "two words" 'single \q' esc\ aped "a\"b" '' x"#)
            == ["/bin/tool", "--flag", "two words", #"single \q"#, "esc aped", #"a"b"#, "", "x"])
        #expect(throws: ShellWords.SplitError.unclosedQuote("'")) { try ShellWords.split("a 'b") }
        #expect(throws: ShellWords.SplitError.trailingBackslash) { try ShellWords.split("a \\") }
    }
}
