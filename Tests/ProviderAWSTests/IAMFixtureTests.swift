import Foundation
import Model
import Testing
@testable import ProviderAWS

/// The IAM normalizer on small hand-written exports, good and bad.
@Suite("IAM fixtures")
struct IAMFixtureTests {
    static let acct = "111122223333"

    /// An authorization-details document with the given members.
    static func details(users: String = "[]", groups: String = "[]", roles: String = "[]", policies: String = "[]") -> String {
        #"{"UserDetailList": \#(users), "GroupDetailList": \#(groups), "RoleDetailList": \#(roles), "Policies": \#(policies)}"#
    }

    static func user(_ name: String, account: String = acct, extra: String = "") -> String {
        #"{"UserName": "\#(name)", "Arn": "arn:aws:iam::\#(account):user/\#(name)", "Path": "/", "CreateDate": "2024-01-02T03:04:05Z"\#(extra)}"#
    }

    @Test("a managed policy resolves to its default version, not the newest or the first")
    func defaultVersion() throws {
        let policy = #"""
        {"PolicyName": "p", "Arn": "arn:aws:iam::111122223333:policy/p", "DefaultVersionId": "v2", "PolicyVersionList": [
          {"VersionId": "v3", "IsDefaultVersion": false, "Document": {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}},
          {"VersionId": "v2", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}},
          {"VersionId": "v1", "IsDefaultVersion": false, "Document": "not even a document"}]}
        """#
        let users = "[" + Self.user("alice", extra: #", "AttachedManagedPolicies": [{"PolicyName": "p", "PolicyArn": "arn:aws:iam::111122223333:policy/p"}]"#) + "]"
        let inventory = try IAMTest.scan(files: ["iam/get-account-authorization-details.json": Self.details(users: users, policies: "[\(policy)]")])
        #expect(inventory.collectionErrors.isEmpty, "\(inventory.collectionErrors)")
        let alice = try #require(IAMTest.identity(inventory, "alice"))
        #expect(alice.aws.policies.map(\.managedBy) == [.customer])
        #expect(alice.aws.policies.first?.document.statements.map(\.actions) == [["s3:GetObject"]])
        #expect(alice.created == IAMTest.date("2024-01-02T03:04:05Z"))
        #expect(IAMTest.account(inventory, Self.acct)?.coverage == ["iam"])
    }

    @Test("an AWS-managed policy missing from Policies keeps name and ARN, an empty document, and is noted once")
    func missingManagedPolicy() throws {
        let attach = #", "AttachedManagedPolicies": [{"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}]"#
        let users = "[" + Self.user("a", extra: attach) + "," + Self.user("b", extra: attach) + "]"
        let inventory = try IAMTest.scan(files: ["iam/get-account-authorization-details.json": Self.details(users: users)])
        let a = try #require(IAMTest.identity(inventory, "a"))
        #expect(a.aws.policies == [AttachedPolicy(name: "AdministratorAccess", arn: "arn:aws:iam::aws:policy/AdministratorAccess",
                                              managedBy: .provider, document: PolicyDocument(statements: []))])
        #expect(inventory.collectionErrors.map(\.code) == ["PolicyDocumentNotExported"])
        #expect(inventory.collectionErrors.first?.account == Self.acct)
        #expect(inventory.collectionErrors.first?.message.contains("arn:aws:iam::aws:policy/AdministratorAccess") == true)
    }

    @Test("trust and inline policies given as URL-encoded or plain JSON strings are parsed")
    func stringDocuments() throws {
        let trust = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22AWS%22%3A%22%2A%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D"
        let inline = #"{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": [\"iam:*\"], \"Resource\": \"*\"}]}"#
        let role = #"""
        {"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r", "AssumeRolePolicyDocument": "\#(trust)",
         "RolePolicyList": [{"PolicyName": "inline", "PolicyDocument": "\#(inline)"}], "RoleLastUsed": {"LastUsedDate": "2024-05-06 07:08:09+00:00"},
         "Tags": [{"Key": "team", "Value": "ops"}]}
        """#
        let inventory = try IAMTest.scan(files: ["iam/get-account-authorization-details.json": Self.details(roles: "[\(role)]")])
        #expect(inventory.collectionErrors.isEmpty, "\(inventory.collectionErrors)")
        let r = try #require(IAMTest.identity(inventory, "r", kind: .role))
        #expect(r.aws.trust?.statements.first?.principals == [Principal(type: "AWS", id: "*")])
        #expect(r.aws.policies.first?.document.statements.first?.effect == .deny)
        #expect(r.aws.policies.first?.managedBy == .inline)
        #expect(r.lastActivity == IAMTest.date("2024-05-06T07:08:09Z"))
        #expect(r.tags == ["team": "ops"])
    }

    @Test("\"Statement\": 5 in one inline policy: a collection error with file and JSON path, IAM not covered, the rest kept")
    func malformedStatement() throws {
        let bad = Self.user("bad", extra: #", "UserPolicyList": [{"PolicyName": "x", "PolicyDocument": {"Statement": 5}}]"#)
        let users = "[" + Self.user("good") + "," + bad + "]"
        let inventory = try IAMTest.scan(files: ["iam/get-account-authorization-details.json": Self.details(users: users)])
        #expect(inventory.collectionErrors.count == 1)
        let error = try #require(inventory.collectionErrors.first)
        #expect(error.source.hasSuffix("iam/get-account-authorization-details.json (iam:GetAccountAuthorizationDetails)"))
        #expect(error.message.contains("$.UserDetailList[1].UserPolicyList[0].PolicyDocument.Statement"), "\(error.message)")
        #expect(error.dataSet == "iam" && error.account == Self.acct)
        #expect(IAMTest.account(inventory, Self.acct)?.coverage.contains("iam") == false)
        #expect(IAMTest.identity(inventory, "good") != nil)
        #expect(IAMTest.identity(inventory, "bad")?.aws.policies.first?.document.statements == [])
    }

    @Test("a bad statement inside a list is reported at its own path")
    func badStatementInList() throws {
        let document = #"{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Maybe", "Action": "*"}]}"#
        let users = "[" + Self.user("u", extra: #", "UserPolicyList": [{"PolicyName": "x", "PolicyDocument": \#(document)}]"#) + "]"
        let inventory = try IAMTest.scan(files: ["iam/get-account-authorization-details.json": Self.details(users: users)])
        let message = inventory.collectionErrors.first?.message ?? ""
        #expect(message.contains("$.UserDetailList[0].UserPolicyList[0].PolicyDocument.Statement[1].Effect"), "\(message)")
        #expect(message.contains("Maybe"))
    }

    @Test("a wrongly typed member spoils only its entry; truncated JSON spoils the document")
    func wrongTypesAndTruncation() throws {
        let odd = #"{"UserName": "odd", "Arn": "arn:aws:iam::111122223333:user/odd", "GroupList": "admins"}"#
        var inventory = try IAMTest.scan(files: ["iam/get-account-authorization-details.json": Self.details(users: "[\(Self.user("fine")), \(odd)]")])
        #expect(inventory.collectionErrors.map(\.message).first?.contains("$.UserDetailList[1].GroupList") == true)
        #expect(inventory.identities.map(\.name) == ["fine"])
        #expect(IAMTest.account(inventory, Self.acct)?.coverage.contains("iam") == false)

        let text = Self.details(users: "[\(Self.user("fine"))]")
        inventory = try IAMTest.scan(files: [
            "iam/get-account-authorization-details.json": String(text.prefix(text.count / 2)),
            "sts/get-caller-identity.json": #"{"Account": "111122223333"}"#,
        ])
        #expect(inventory.collectionErrors.count == 1)
        #expect(inventory.collectionErrors.first?.dataSet == "iam")
        #expect(inventory.identities.isEmpty)
        #expect(IAMTest.account(inventory, Self.acct)?.coverage == [])
    }

    @Test("pages of one account merge; a second account's file gives a second account")
    func pagesAndAccounts() throws {
        let group = #"{"GroupName": "admins", "Arn": "arn:aws:iam::111122223333:group/admins", "AttachedManagedPolicies": [{"PolicyName": "AWSSupportAccess", "PolicyArn": "arn:aws:iam::aws:policy/AWSSupportAccess"}]}"#
        let support = #"{"PolicyName": "AWSSupportAccess", "Arn": "arn:aws:iam::aws:policy/AWSSupportAccess", "DefaultVersionId": "v1", "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {"Statement": [{"Effect": "Allow", "Action": "support:*", "Resource": "*"}]}}]}"#
        let inventory = try IAMTest.scan(files: [
            "a/iam/get-account-authorization-details-page-1.json": Self.details(users: "[\(Self.user("u", extra: #", "GroupList": ["admins"]"#))]"),
            "a/iam/get-account-authorization-details-page-2.json": #"{"GroupDetailList": [\#(group)], "Policies": [\#(support)]}"#,
            "b/iam/get-account-authorization-details.json": Self.details(users: "[\(Self.user("v", account: "444455556666"))]"),
        ])
        #expect(inventory.collectionErrors.isEmpty, "\(inventory.collectionErrors)")
        #expect(inventory.accounts.map(\.account) == ["111122223333", "444455556666"])
        #expect(inventory.accounts.allSatisfy { $0.coverage == ["iam"] })
        let u = try #require(IAMTest.identity(inventory, "u"))
        #expect(u.aws.policies.map(\.viaGroup) == ["admins"])
        #expect(u.aws.policies.first?.document.statements.first?.actions == ["support:*"])
        #expect(IAMTest.identity(inventory, "v")?.account == "444455556666")
        #expect(IAMTest.account(inventory, Self.acct)?.aws.supportAccess == ["arn:aws:iam::111122223333:group/admins"])
    }

    @Test("a group a user names but the export lacks is noted; its policies are not invented")
    func missingGroup() throws {
        let inventory = try IAMTest.scan(files: [
            "iam/get-account-authorization-details.json": Self.details(users: "[\(Self.user("u", extra: #", "GroupList": ["ghosts"]"#))]"),
        ])
        #expect(inventory.collectionErrors.map(\.code) == ["GroupNotExported"])
        #expect(IAMTest.identity(inventory, "u")?.groups == ["ghosts"])
        #expect(IAMTest.identity(inventory, "u")?.aws.policies.isEmpty == true)
    }
}
