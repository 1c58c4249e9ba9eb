/// An access policy document (IAM identity policy, trust policy, bucket policy), normalized once:
/// single strings become lists, every `Principal` form becomes one list of principals,
/// `NotAction`/`NotResource`/`NotPrincipal` and `Condition` are kept.
public struct PolicyDocument: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    /// the policy language version, e.g. 2012-10-17
    public var version: String?
    /// the statements, always a list
    public var statements: [Statement]
}

public enum Effect: String, Codable, Sendable, Hashable, CaseIterable {
    case allow = "Allow"
    case deny = "Deny"
}

/// One statement. Lists are empty when the element is absent; `notActions` non-empty means
/// the statement used `NotAction` (it applies to every action except those).
public struct Statement: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    /// statement id
    public var sid: String?
    /// Allow or Deny
    public var effect: Effect
    /// Action patterns, e.g. s3:Get*; empty with NotAction
    public var actions: [String]
    /// NotAction patterns
    public var notActions: [String]
    /// Resource patterns
    public var resources: [String]
    /// NotResource patterns
    public var notResources: [String]
    /// Principal, one entry per principal
    public var principals: [Principal]
    /// NotPrincipal entries
    public var notPrincipals: [Principal]
    /// Condition, one entry per operator and key
    public var conditions: [Condition]
}

/// One principal: `"*"` becomes `{type: "AWS", id: "*"}`, as AWS reads it.
public struct Principal: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    /// AWS, Service, Federated or CanonicalUser
    public var type: String
    /// account, ARN, service name, or * for everyone
    public var id: String
}

/// One condition test: `{"StringEquals": {"aws:SourceVpce": ["vpce-1"]}}` → operator, key, values.
public struct Condition: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    /// condition operator, e.g. StringEquals, Bool, IpAddress
    public var `operator`: String
    /// condition key, e.g. aws:SecureTransport
    public var key: String
    /// the values, as strings
    public var values: [String]
}
