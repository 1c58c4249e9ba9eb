/// What only AWS knows about an identity: its IAM path, its effective policy documents and,
/// for a role, its trust policy.
public struct AWSIdentity: ResourceSection {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    public static let kind = ResourceKind.identity
    public static let provider = ProviderID.aws

    /// IAM path
    public var path: String?
    /// effective policy set
    /// The policies attached (managed and inline) and inherited from groups.
    public var policies: [AttachedPolicy]
    /// trust policy (roles)
    /// Who may assume this identity.
    public var trust: PolicyDocument?
}

/// A policy in an identity's effective set.
public struct AttachedPolicy: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    // model: cel-manual
    public enum ManagedBy: String, Codable, Sendable, Hashable, CaseIterable {
        /// A managed policy the cloud provider maintains (e.g. arn:aws:iam::aws:policy/…).
        case provider
        /// A managed policy the customer maintains.
        case customer
        /// An inline policy embedded in the identity or its group.
        case inline
    }

    /// policy name
    public var name: String
    /// ARN of a managed policy
    public var arn: String?
    /// provider, customer or inline
    public var managedBy: ManagedBy
    /// group it is inherited from
    /// Absent when attached to the identity itself.
    public var viaGroup: String?
    /// the policy document (default version)
    public var document: PolicyDocument
}

extension Identity {
    /// The AWS section; reading it from a resource without one gives an empty section.
    public var aws: AWSIdentity {
        get { sections[AWSIdentity.self] ?? AWSIdentity() }
        set { sections[AWSIdentity.self] = newValue }
    }
}
