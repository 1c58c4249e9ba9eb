/// Who may do what where, in every provider's terms: one Allow statement, binding, ACL entry
/// or role assignment. Each normalizer derives grants for identities (what they may do) and for
/// resources (who may act on them), so that "public", "admin" and "can escalate" are asked the
/// same way on every provider. Denies are not grants: they stay in the provider's section.
public struct AccessGrant: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    /// who holds it: an identity id, a principal, or * for anyone
    /// An identity's id (ARN, member), an account or service principal, or `*` for everyone
    /// (AWS `"Principal": "*"`, GCP `allUsers`).
    public var principal: String
    /// actions or roles granted (s3:GetObject, iam:*, roles/storage.admin)
    public var actions: [String]
    /// actions excluded from the grant (AWS NotAction: every action but these)
    public var notActions: [String]
    /// where it applies: resource patterns or a scope (project, subscription)
    public var scope: [String]
    /// resources excluded from the scope (AWS NotResource)
    public var notScope: [String]
    /// the condition limiting it, as the provider writes it; absent when unconditional
    public var condition: String?
    /// where the grant comes from: a policy's name, an ACL, a role assignment
    public var via: String
}
