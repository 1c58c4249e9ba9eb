import Foundation
import Model
import Testing
@testable import ProviderAWS

/// The IAM normalizer on real exports from the shared corpus.
@Suite("IAM on the corpus")
struct IAMCorpusTests {
    @Test("iam-vulnerable export: every user, group and role, one account, read in full",
          .enabled(if: IAMTest.vulnerable != nil, "shared corpus absent"))
    func vulnerableCounts() {
        let inventory = IAMTest.scan(IAMTest.vulnerable)
        #expect(inventory.identities.filter { $0.kind == .user }.count == 41)
        #expect(inventory.identities.filter { $0.kind == .group }.count == 3)
        #expect(inventory.identities.filter { $0.kind == .role }.count == 75)
        #expect(inventory.collectionErrors.isEmpty, "\(inventory.collectionErrors)")
        #expect(inventory.accounts.map(\.account) == ["200611803367"])
        #expect(inventory.accounts.first?.coverage == ["iam"])
        #expect(inventory.identities.allSatisfy { $0.account == "200611803367" && $0.id.hasPrefix("arn:aws:iam::200611803367:") })
        // No MFA data without a credential report or device listing: unknown, never disabled.
        #expect(inventory.identities.allSatisfy { $0.mfa == .unknown && $0.consoleAccess == nil })
    }

    @Test("iam-vulnerable: privesc users carry their escalation actions in their effective policies",
          .enabled(if: IAMTest.vulnerable != nil, "shared corpus absent"))
    func privilegeEscalationActions() {
        let inventory = IAMTest.scan(IAMTest.vulnerable)
        let expected: [String: [String]] = [
            "privesc1-CreateNewPolicyVersion-user": ["iam:CreatePolicyVersion"],
            "privesc2-SetExistingDefaultPolicyVersion-user": ["iam:SetDefaultPolicyVersion"],
            "privesc3-CreateEC2WithExistingInstanceProfile-user": ["iam:PassRole", "ec2:RunInstances"],
            "privesc4-CreateAccessKey-user": ["iam:CreateAccessKey"],
            "privesc5-CreateLoginProfile-user": ["iam:CreateLoginProfile"],
            "privesc6-UpdateLoginProfile-user": ["iam:UpdateLoginProfile"],
            "privesc7-AttachUserPolicy-user": ["iam:AttachUserPolicy"],
            "privesc8-AttachGroupPolicy-user": ["iam:AttachGroupPolicy"],
            "privesc9-AttachRolePolicy-user": ["iam:AttachRolePolicy"],
            "privesc10-PutUserPolicy-user": ["iam:PutUserPolicy"],
            "privesc11-PutGroupPolicy-user": ["iam:PutGroupPolicy"],
            "privesc12-PutRolePolicy-user": ["iam:PutRolePolicy"],
            "privesc13-AddUserToGroup-user": ["iam:AddUserToGroup"],
            "privesc14-UpdatingAssumeRolePolicy-user": ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"],
            "privesc15-PassExistingRoleToNewLambdaThenInvoke-user": ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
            "privesc16-PassRoleToNewLambdaThenTriggerWithNewDynamo-user": ["iam:PassRole", "lambda:CreateEventSourceMapping"],
            "privesc17-EditExistingLambdaFunctionWithRole-user": ["lambda:UpdateFunctionCode"],
            "privesc18-PassExistingRoleToNewGlueDevEndpoint-user": ["iam:PassRole", "glue:CreateDevEndpoint"],
            "privesc19-UpdateExistingGlueDevEndpoint-user": ["glue:UpdateDevEndpoint"],
            "privesc20-PassExistingRoleToCloudFormation-user": ["iam:PassRole", "cloudformation:CreateStack"],
            "privesc21-PassExistingRoleToNewDataPipeline-user": ["iam:PassRole", "datapipeline:CreatePipeline"],
            "privesc-sre-user": ["iam:*", "ec2:*", "s3:*"],
        ]
        for (name, actions) in expected {
            let allowed = IAMTest.allowedActions(IAMTest.identity(inventory, name, kind: .user))
            #expect(Set(actions).isSubset(of: allowed), "\(name): \(allowed.sorted())")
        }
        // The SRE user has nothing of its own: all of it comes from its group.
        let sre = IAMTest.identity(inventory, "privesc-sre-user")
        #expect(sre?.groups == ["privesc-sre-group"])
        #expect(sre?.aws.policies.map(\.name) == ["privesc-sre-admin-policy"])
        #expect(sre?.aws.policies.first?.viaGroup == "privesc-sre-group")
        #expect(sre?.aws.policies.first?.managedBy == .customer)
        // The group itself carries the policy, not inherited.
        #expect(IAMTest.identity(inventory, "privesc-sre-group", kind: .group)?.aws.policies.first?.viaGroup == nil)
        // The AssumeRole chain starts with a user that has no policy at all.
        #expect(IAMTest.identity(inventory, "privesc-AssumeRole-start-user")?.aws.policies.isEmpty == true)
    }

    @Test("iam-vulnerable: the fp/fn traps keep their Deny, NotAction and multiple policies",
          .enabled(if: IAMTest.vulnerable != nil, "shared corpus absent"))
    func falsePositiveTraps() {
        let inventory = IAMTest.scan(IAMTest.vulnerable)
        let fp1 = IAMTest.identity(inventory, "fp1-allow-and-deny-user")?.aws.policies.flatMap(\.document.statements) ?? []
        #expect(fp1.map(\.effect) == [.allow, .deny])
        #expect(fp1.allSatisfy { $0.actions == ["iam:*"] })
        let fp2 = IAMTest.identity(inventory, "fp2-allow-and-deny-multiple-policies-user")
        #expect(fp2?.aws.policies.map(\.name).sorted() == ["deny-all", "fp2-allow-all"])
        #expect(fp2?.aws.policies.first { $0.name == "deny-all" }?.document.statements.first?.effect == .deny)
        let fp3 = IAMTest.identity(inventory, "fp3-deny-iam-user")
        #expect(fp3?.aws.policies.flatMap(\.document.statements).allSatisfy { $0.effect == .deny } == true)
        let fn4 = IAMTest.identity(inventory, "fn4-exploitableNotAction-user")?.aws.policies.first?.document.statements.first
        #expect(fn4?.actions == [])
        #expect(fn4?.notActions == ["iam:Update*", "iam:Create*", "iam:Attach*"])
        let fn1 = IAMTest.identity(inventory, "fn1-privesc3-partial-user")
        #expect(fn1?.aws.policies.map(\.name) == ["fn1-passrole-star", "fn1-privesc3-partial"])
        #expect(fn1?.created == IAMTest.date("2023-03-09T10:41:45Z"))
    }

    @Test("iam-vulnerable: roles keep trust policies, AWS-managed policies, paths, last use and tags",
          .enabled(if: IAMTest.vulnerable != nil, "shared corpus absent"))
    func vulnerableRoles() {
        let inventory = IAMTest.scan(IAMTest.vulnerable)
        let permissive = IAMTest.identity(inventory, "privesc-permissive-role-trust", kind: .role)
        #expect(permissive?.aws.trust?.statements.first?.principals == [Principal(type: "AWS", id: "arn:aws:iam::200611803367:root")])
        #expect(permissive?.aws.trust?.statements.first?.actions == ["sts:AssumeRole"])
        let sso = IAMTest.identity(inventory, "AWSReservedSSO_AdministratorAccess_dc6414f7f2ab04fc", kind: .role)
        #expect(sso?.aws.path == "/aws-reserved/sso.amazonaws.com/")
        #expect(sso?.aws.policies.map(\.managedBy) == [.provider])
        #expect(sso?.aws.policies.first?.arn == "arn:aws:iam::aws:policy/AdministratorAccess")
        #expect(sso?.aws.policies.first?.document.statements.first?.actions == ["*"])
        #expect(sso?.lastActivity == IAMTest.date("2023-03-21T09:35:50Z"))
        let support = IAMTest.identity(inventory, "AWSServiceRoleForSupport", kind: .role)
        #expect(support?.aws.path == "/aws-service-role/support.amazonaws.com/")
        #expect(support?.aws.trust?.statements.first?.principals == [Principal(type: "Service", id: "support.amazonaws.com")])
        let quickSetup = IAMTest.identity(inventory, "AWS-QuickSetup-EnableCRecording-1clff_us-east-1", kind: .role)
        #expect(quickSetup?.tags["QuickSetupType"] == "Config Recording")
        #expect(quickSetup?.aws.policies.allSatisfy { $0.managedBy == .inline } == true)
        // Nothing in this account has AWSSupportAccess attached.
        #expect(inventory.accounts.first?.aws.supportAccess == [])
    }

    @Test("teaching export: users inherit their groups' managed and inline policies",
          .enabled(if: IAMTest.teaching != nil, "shared corpus absent"))
    func teachingGroups() {
        let inventory = IAMTest.scan(IAMTest.teaching)
        #expect(inventory.identities.filter { $0.kind == .user }.count == 3)
        #expect(inventory.identities.filter { $0.kind == .group }.count == 2)
        #expect(inventory.identities.filter { $0.kind == .role }.count == 3)
        #expect(inventory.collectionErrors.isEmpty, "\(inventory.collectionErrors)")
        let obama = IAMTest.identity(inventory, "obama")
        #expect(obama?.aws.policies.map(\.name) == ["AdministratorAccess", "AdministratorAccess"])
        #expect(obama?.aws.policies.map(\.viaGroup) == [nil, "admin"])
        let biden = IAMTest.identity(inventory, "biden", kind: .user)
        #expect(biden?.aws.policies.map(\.name) == ["AWSLambdaFullAccess", "InsecureUserPolicy", "AmazonRDSFullAccess", "InlinePolicyForBidenGroup"])
        #expect(biden?.aws.policies.map(\.managedBy) == [.provider, .inline, .provider, .inline])
        #expect(biden?.aws.policies.map(\.viaGroup) == [nil, nil, "biden", "biden"])
        #expect(biden?.aws.policies.allSatisfy { !$0.document.statements.isEmpty } == true)
        let ec2 = IAMTest.identity(inventory, "OverprivilegedEC2", kind: .role)
        #expect(ec2?.aws.policies.first?.managedBy == .customer)
        #expect(ec2?.aws.policies.first?.arn == "arn:aws:iam::012345678901:policy/InsecurePolicy")
        #expect(inventory.accounts.map(\.account) == ["012345678901"])
    }

    @Test("CloudMapper demo bundle: authorization details, credential report and summary together",
          .enabled(if: IAMTest.cloudMapper != nil, "shared corpus absent"))
    func cloudMapperBundle() throws {
        let inventory = IAMTest.scan(IAMTest.cloudMapper)
        let iamErrors = inventory.collectionErrors.filter { ["iam", "credential-report", "account-summary"].contains($0.dataSet ?? "") }
        #expect(iamErrors.isEmpty, "\(iamErrors)")
        let account = try #require(IAMTest.account(inventory, "123456789012"))
        #expect(Set(["iam", "credential-report", "account-summary"]).isSubset(of: Set(account.coverage)))
        #expect(!account.coverage.contains("password-policy") && !account.coverage.contains("mfa-devices"))
        #expect(account.rootMFA == .enabled)
        #expect(account.aws.rootAccessKeys == 1)
        #expect(account.aws.rootHardwareMFA == nil)
        #expect(account.aws.rootPasswordEnabled == nil)
        #expect(account.aws.rootLastUsed == IAMTest.date("2019-03-03T16:58:16Z"))
        // Users whose ARNs say `aws` instead of an account id belong to the bundle's account.
        let user = try #require(IAMTest.identity(inventory, "USER"))
        #expect(user.account == "123456789012")
        #expect(user.aws.policies.map(\.viaGroup) == ["GROUP_WITH_BAD_INLINE_POLICY"])
        #expect(user.aws.policies.first?.document.statements.isEmpty == false)
        let badRole = IAMTest.identity(inventory, "bad_role", kind: .role)
        #expect(badRole?.aws.trust?.statements.first?.principals == [Principal(type: "AWS", id: "*")])
        #expect(badRole?.aws.policies.map(\.name) == ["AmazonEC2RoleforSSM", "dostuff"])
        let root = try #require(inventory.identities.first { $0.kind == .root })
        #expect(root.id == "arn:aws:iam::123456789012:root")
        #expect(root.accessKeys.map(\.id) == ["key1"])
        #expect(root.accessKeys.first?.lastUsedService == "ecr")
        // Users the report lists but the authorization details do not.
        let auditor = try #require(IAMTest.identity(inventory, "auditor_tmp"))
        #expect(auditor.consoleAccess == false && auditor.mfa == .disabled)
        #expect(auditor.accessKeys == [AccessKey(id: "key1", active: true, created: IAMTest.date("2019-05-07T15:35:55Z"))])
        let plain = try #require(IAMTest.identity(inventory, "user"))
        #expect(plain.consoleAccess == true)
        #expect(plain.accessKeys.map(\.id) == ["key1", "key2"])
        #expect(plain.accessKeys.last?.lastUsedService == "s3")
        #expect(plain.lastActivity == IAMTest.date("2018-05-07T15:35:54Z"))
    }
}
