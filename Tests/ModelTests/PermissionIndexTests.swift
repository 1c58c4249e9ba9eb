import CEL
@testable import Model
import Testing

@Suite("Permission index")
struct PermissionIndexTests {
    private func statement(_ effect: String, actions: [String] = [], notActions: [String] = [], resources: [String] = ["*"]) -> CELValue {
        var fields: [String: CELValue] = ["effect": .string(effect), "resources": .list(resources.map(CELValue.string))]
        if !actions.isEmpty { fields["actions"] = .list(actions.map(CELValue.string)) }
        if !notActions.isEmpty { fields["notActions"] = .list(notActions.map(CELValue.string)) }
        return .map(CELMap(fields))
    }

    private func index(_ statements: CELValue...) throws -> PermissionIndex {
        try PermissionIndex(policies: .list([.map(CELMap(["document": .map(CELMap(["statements": .list(statements)]))]))]))
    }

    @Test("literal actions compare ignoring case, as lowercased() does")
    func literals() throws {
        let index = try index(statement("Allow", actions: ["IAM:PassRole", "s3:getobject", "Ünïcode:Äction"]))
        #expect(index.allows("iam:passrole"))
        #expect(index.allows("S3:GetObject"))
        #expect(!index.allows("iam:PassRol"))
        #expect(!index.allows("iam:PassRolf"))
        #expect(index.allows("ünïcode:äction"))
        #expect(!index.allows("iam@passrole"))
    }

    @Test("ASCII folding touches letters only")
    func lettersOnly() throws {
        let index = try index(statement("Allow", actions: ["a@b"]))
        #expect(index.allows("A@B"))
        #expect(!index.allows("a`b"))
    }

    @Test("patterns, NotAction and unconditional Deny")
    func patternsAndDenies() throws {
        let index = try index(
            statement("Allow", actions: ["lambda:*"]),
            statement("Allow", notActions: ["iam:*", "s3:Get?bject"]),
            statement("Deny", actions: ["LAMBDA:Invoke*"]))
        #expect(index.allows("lambda:CreateFunction"))
        #expect(!index.allows("lambda:InvokeFunction"))
        #expect(!index.allows("iam:PassRole"))
        #expect(!index.allows("s3:GetObject"))
        #expect(index.allows("s3:PutObject"))
    }

    @Test("statements on a specific resource grant nothing; malformed lists are errors")
    func scopingAndErrors() throws {
        #expect(try !index(statement("Allow", actions: ["iam:PassRole"], resources: ["arn:aws:iam::1:role/x"])).allows("iam:PassRole"))
        let bad = CELValue.map(CELMap(["effect": .string("Allow"), "actions": .list([.int(1)])]))
        #expect(throws: CELEvaluationError.self) { try index(bad) }
    }

    @Test("cached answers follow the lists asked about, not only their buffers")
    func cache() throws {
        let call = AWSFunctions.permittedCombinations.overloads[0].implementation
        let policies = { (actions: [String]) -> CELValue in
            .list([.map(CELMap(["document": .map(CELMap(["statements": .list([self.statement("Allow", actions: actions)])]))]))])
        }
        let combinations = { () -> CELValue in .list([.list([.string("iam:PassRole")]), .list([.string("s3:GetObject")])]) }
        let passRole = policies(["iam:PassRole"])
        let expected = CELValue.list([.list([.string("iam:PassRole")])])
        // Same policies, equal combinations held in separate buffers (as in a violation and its message).
        #expect(try call([passRole, combinations()]) == expected)
        #expect(try call([passRole, combinations()]) == expected)
        #expect(try call([policies(["s3:GetObject"]), combinations()]) == .list([.list([.string("s3:GetObject")])]))
        let mixed = try call([passRole, .list([.list([.string("iam:passrole"), .string("s3:GetObject")])])])
        #expect(mixed == .list([]), "\(mixed)")
        // Different strings that Swift's == deems equal (canonical equivalence) are different lists.
        let composed = CELValue.list([.list([.string("caf\u{E9}")])]), decomposed = CELValue.list([.list([.string("cafe\u{301}")])])
        #expect(!PermissionIndexCache.sameStrings([composed], [decomposed]))
        #expect(PermissionIndexCache.sameStrings([composed], [composed]))
    }
}
