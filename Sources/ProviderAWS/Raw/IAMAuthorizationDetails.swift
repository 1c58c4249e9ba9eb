import Foundation

/// `aws iam get-account-authorization-details` output (one document: all pages, or one page),
/// sparse: only the members the normalizer reads. Every member is optional because `--filter`
/// exports and AWS Config leave whole lists out. Each list element decodes on its own
/// (`IAMLossy`), so one odd user does not cost the other hundred thousand.
struct IAMAuthorizationDetails: Decodable, Sendable {
    var UserDetailList: [IAMLossy<IAMUserDetail>]?
    var GroupDetailList: [IAMLossy<IAMGroupDetail>]?
    var RoleDetailList: [IAMLossy<IAMRoleDetail>]?
    var Policies: [IAMLossy<IAMManagedPolicyDetail>]?
}

/// `UserDetail`.
struct IAMUserDetail: Decodable, Sendable {
    var UserName: String?
    var Arn: String?
    var Path: String?
    var CreateDate: Date?
    var GroupList: [String]?
    var AttachedManagedPolicies: [IAMAttachedPolicy]?
    var UserPolicyList: [IAMInlinePolicy]?
    var Tags: [IAMTag]?
}

/// `GroupDetail`.
struct IAMGroupDetail: Decodable, Sendable {
    var GroupName: String?
    var Arn: String?
    var Path: String?
    var CreateDate: Date?
    var AttachedManagedPolicies: [IAMAttachedPolicy]?
    var GroupPolicyList: [IAMInlinePolicy]?
}

/// `RoleDetail`.
struct IAMRoleDetail: Decodable, Sendable {
    struct LastUsed: Decodable, Sendable {
        var LastUsedDate: Date?
    }

    var RoleName: String?
    var Arn: String?
    var Path: String?
    var CreateDate: Date?
    /// A JSON object in the CLI's output; a URL-encoded string from the raw API or AWS Config.
    var AssumeRolePolicyDocument: IAMPolicyDocumentField?
    var AttachedManagedPolicies: [IAMAttachedPolicy]?
    var RolePolicyList: [IAMInlinePolicy]?
    var Tags: [IAMTag]?
    var RoleLastUsed: LastUsed?
}

/// `AttachedPolicy`: a managed policy attached to a user, group or role.
struct IAMAttachedPolicy: Decodable, Sendable {
    var PolicyName: String?
    var PolicyArn: String?
}

/// `PolicyDetail`: an inline policy.
struct IAMInlinePolicy: Decodable, Sendable {
    var PolicyName: String?
    var PolicyDocument: IAMPolicyDocumentField?
}

/// `Tag`.
struct IAMTag: Decodable, Sendable {
    var Key: String?
    var Value: String?
}

/// `ManagedPolicyDetail`, keeping only the default version's document: the other versions
/// (up to four more per policy) are not decoded at all, which matters on large exports.
struct IAMManagedPolicyDetail: Decodable, Sendable {
    var PolicyName: String?
    var Arn: String?
    var DefaultVersionId: String?
    /// The default version's document; nil when no version is marked default (noted).
    var defaultDocument: IAMPolicyDocumentField?

    private enum CodingKeys: String, CodingKey { case PolicyName, Arn, DefaultVersionId, PolicyVersionList }
    private enum VersionKeys: String, CodingKey { case VersionId, IsDefaultVersion, Document }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        PolicyName = try container.decodeIfPresent(String.self, forKey: .PolicyName)
        Arn = try container.decodeIfPresent(String.self, forKey: .Arn)
        DefaultVersionId = try container.decodeIfPresent(String.self, forKey: .DefaultVersionId)
        guard container.contains(.PolicyVersionList),
              try !container.decodeNil(forKey: .PolicyVersionList) else { return }
        var versions = try container.nestedUnkeyedContainer(forKey: .PolicyVersionList)
        while !versions.isAtEnd {
            let version = try versions.nestedContainer(keyedBy: VersionKeys.self)
            let id = try version.decodeIfPresent(String.self, forKey: .VersionId)
            // IsDefaultVersion decides; DefaultVersionId only when the flag is missing.
            let isDefault = try version.decodeIfPresent(Bool.self, forKey: .IsDefaultVersion)
                ?? (id != nil && id == DefaultVersionId)
            if isDefault, defaultDocument == nil {
                defaultDocument = try version.decodeIfPresent(IAMPolicyDocumentField.self, forKey: .Document)
            }
        }
    }
}
