import Foundation
import Model
import Testing
@testable import ProviderAWS

/// AWS Config items for IAM read through the same normalizer as the CLI's output.
@Suite("IAM from AWS Config")
struct IAMConfigTests {
    /// `{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`, URL-encoded as Config stores it.
    static let s3Star = "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3A%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D"
    /// A trust policy letting EC2 assume the role, with a condition key whose case must survive.
    static let trust = "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%2C%22Condition%22%3A%7B%22StringEquals%22%3A%7B%22aws%3ASourceAccount%22%3A%22111122223333%22%7D%7D%7D%5D%7D"

    static func item(_ type: String, _ name: String, _ configuration: String, status: String = "OK") -> String {
        #"""
        {"configurationItemVersion": "1.3", "awsAccountId": "111122223333", "configurationItemStatus": "\#(status)",
         "resourceType": "AWS::IAM::\#(type)", "resourceName": "\#(name)", "awsRegion": "global",
         "ARN": "arn:aws:iam::111122223333:\#(type.lowercased())/\#(name)", "configuration": \#(configuration),
         "supplementaryConfiguration": {}}
        """#
    }

    static var snapshot: String {
        let user = #"{"path": "/", "userName": "carol", "userId": "AIDA1", "arn": "arn:aws:iam::111122223333:user/carol", "createDate": "2021-03-04T05:06:07.000Z", "userPolicyList": [{"policyName": "s3", "policyDocument": "\#(s3Star)"}], "groupList": ["readers"], "attachedManagedPolicies": [{"policyName": "Team", "policyArn": "arn:aws:iam::111122223333:policy/Team"}], "permissionsBoundary": null, "tags": [{"key": "team", "value": "data"}]}"#
        let group = #"{"path": "/", "groupName": "readers", "groupId": "AGPA1", "arn": "arn:aws:iam::111122223333:group/readers", "groupPolicyList": [], "attachedManagedPolicies": [{"policyName": "ReadOnlyAccess", "policyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}]}"#
        // The role's configuration arrives as a JSON string, as Config often delivers it.
        let role = #"{"path": "/", "roleName": "app", "arn": "arn:aws:iam::111122223333:role/app", "assumeRolePolicyDocument": "\#(trust)", "rolePolicyList": [], "attachedManagedPolicies": [], "tags": []}"#
        let roleString = "\"" + role.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let policy = #"{"policyName": "Team", "arn": "arn:aws:iam::111122223333:policy/Team", "defaultVersionId": "v2", "policyVersionList": [{"document": "\#(s3Star)", "versionId": "v1", "isDefaultVersion": false}, {"document": "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22ec2%3ADescribe%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D", "versionId": "v2", "isDefaultVersion": true}]}"#
        let items = [item("User", "carol", user), item("Group", "readers", group), item("Role", "app", roleString),
                     item("Policy", "Team", policy), item("User", "gone", "null", status: "ResourceDeleted")]
        return #"{"fileVersion": "1.0", "configSnapshotId": "abc", "configurationItems": [\#(items.joined(separator: ","))]}"#
    }

    @Test("User, Group, Role and Policy items become identities with decoded documents and group policies")
    func configSnapshot() throws {
        let inventory = try IAMTest.scan(files: ["config/snapshot.json": Self.snapshot])
        // ReadOnlyAccess is AWS-managed and not in the snapshot: noted, not invented.
        #expect(inventory.collectionErrors.map(\.code) == ["PolicyDocumentNotExported"], "\(inventory.collectionErrors)")
        #expect(inventory.ignoredFiles.contains { $0.contains("ResourceDeleted") })
        let carol = try #require(IAMTest.identity(inventory, "carol"))
        #expect(carol.account == "111122223333" && carol.aws.path == "/")
        #expect(carol.created == IAMTest.date("2021-03-04T05:06:07Z"))
        #expect(carol.groups == ["readers"])
        #expect(carol.tags == ["team": "data"])
        #expect(carol.aws.policies.map(\.name) == ["Team", "s3", "ReadOnlyAccess"])
        #expect(carol.aws.policies.map(\.managedBy) == [.customer, .inline, .provider])
        #expect(carol.aws.policies.map(\.viaGroup) == [nil, nil, "readers"])
        // The default version (v2) of the customer policy, not v1.
        #expect(carol.aws.policies[0].document.statements.first?.actions == ["ec2:Describe*"])
        #expect(carol.aws.policies[1].document.statements.first?.actions == ["s3:*"])
        let app = try #require(IAMTest.identity(inventory, "app", kind: .role))
        #expect(app.aws.trust?.statements.first?.principals == [Principal(type: "Service", id: "ec2.amazonaws.com")])
        #expect(app.aws.trust?.statements.first?.conditions == [Condition(operator: "StringEquals", key: "aws:SourceAccount", values: ["111122223333"])])
        #expect(IAMTest.account(inventory, "111122223333")?.coverage == ["iam"])
    }

    @Test("a Config item with a wrongly typed member is a collection error for its account")
    func badConfigItem() throws {
        let user = #"{"userName": "dave", "arn": "arn:aws:iam::111122223333:user/dave", "groupList": 7}"#
        let good = #"{"userName": "erin", "arn": "arn:aws:iam::111122223333:user/erin"}"#
        let file = #"{"configurationItems": [\#(Self.item("User", "dave", user)), \#(Self.item("User", "erin", good))]}"#
        let inventory = try IAMTest.scan(files: ["config/history.json": file])
        #expect(inventory.collectionErrors.count == 1)
        let error = try #require(inventory.collectionErrors.first)
        #expect(error.source.contains("config/history.json#/configurationItems/0"))
        #expect(error.message.contains("GroupList"), "\(error.message)")
        #expect(error.account == "111122223333")
        #expect(inventory.identities.map(\.name) == ["erin"])
        #expect(IAMTest.account(inventory, "111122223333")?.coverage.contains("iam") == false)
    }
}
