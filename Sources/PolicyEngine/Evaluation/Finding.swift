import Model

/// The outcome of one policy on one resource.
public enum FindingStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case pass
    case fail
    /// The expression could not be evaluated on this resource: reported, never a pass.
    case error
    /// The input did not hold the data the policy needs.
    case notAssessed = "not_assessed"
}

/// The policy metadata a finding carries. A class: every finding of a policy shares one.
public final class PolicyReference: Codable, Sendable, Hashable {
    public let id: String
    public let title: String
    public let severity: Severity
    public let responsibility: String
    public let frameworks: [String: [String]]
    public let remediation: String?
    public let references: [String]

    public init(_ policy: Policy) {
        id = policy.id
        title = policy.title
        severity = policy.severity
        responsibility = policy.responsibility
        frameworks = policy.frameworks
        remediation = policy.remediation
        references = policy.references
    }

    public static func == (lhs: PolicyReference, rhs: PolicyReference) -> Bool {
        lhs === rhs || (lhs.id == rhs.id && lhs.title == rhs.title && lhs.severity == rhs.severity
            && lhs.responsibility == rhs.responsibility && lhs.frameworks == rhs.frameworks
            && lhs.remediation == rhs.remediation && lhs.references == rhs.references)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// The resource a finding is about. A class: every finding on a resource shares one.
public final class ResourceReference: Codable, Sendable, Hashable {
    public let id: String
    public let name: String
    public let kind: ResourceKind
    public let provider: Provider
    public let account: String
    public let region: String?
    public let source: ResourceSource

    public init<R: Resource>(_ resource: R) {
        id = resource.id
        name = resource.name
        kind = R.kind
        provider = resource.provider
        account = resource.account
        region = resource.region
        source = resource.source
    }

    public static func == (lhs: ResourceReference, rhs: ResourceReference) -> Bool {
        lhs === rhs || (lhs.id == rhs.id && lhs.name == rhs.name && lhs.kind == rhs.kind && lhs.provider == rhs.provider
            && lhs.account == rhs.account && lhs.region == rhs.region && lhs.source == rhs.source)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// One policy evaluated on one resource.
public struct Finding: Codable, Sendable, Hashable {
    public let policy: PolicyReference
    public let resource: ResourceReference
    public let status: FindingStatus
    /// The rendered message for a failure; the error or the reason for `error` and `not_assessed`.
    public let message: String
}
