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

/// A policy as findings and reports describe it: its identity, severity, responsibility
/// domain, framework mapping, remediation and references. A class: every finding of a policy
/// shares one.
///
/// Reports write `description` and `resource` only where their format has room (SARIF rules,
/// OCSF); the JSON report's `policies` entries keep the fields they always had.
public final class PolicyReference: Codable, Sendable, Hashable {
    public let id: String
    public let title: String
    public let description: String?
    public let severity: Severity
    /// A domain id of the responsibility map.
    public let responsibility: String
    /// Framework id with version (`cis-aws-foundations-5.0`) → control ids.
    public let frameworks: [String: [String]]
    public let remediation: String?
    public let references: [String]
    /// The resource kind the policy evaluates; nil when unknown (a policy read back from a report).
    public let resource: ResourceKind?

    public init(
        id: String, title: String, description: String? = nil, severity: Severity, responsibility: String,
        frameworks: [String: [String]] = [:], remediation: String? = nil, references: [String] = [], resource: ResourceKind? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.severity = severity
        self.responsibility = responsibility
        self.frameworks = frameworks
        self.remediation = remediation
        self.references = references
        self.resource = resource
    }

    private enum CodingKeys: String, CodingKey { case id, title, severity, responsibility, frameworks, remediation, references }

    public required init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        description = nil
        severity = try container.decode(Severity.self, forKey: .severity)
        responsibility = try container.decode(String.self, forKey: .responsibility)
        frameworks = try container.decodeIfPresent([String: [String]].self, forKey: .frameworks) ?? [:]
        remediation = try container.decodeIfPresent(String.self, forKey: .remediation)
        references = try container.decodeIfPresent([String].self, forKey: .references) ?? []
        resource = nil
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(severity, forKey: .severity)
        try container.encode(responsibility, forKey: .responsibility)
        try container.encode(frameworks, forKey: .frameworks)
        try container.encodeIfPresent(remediation, forKey: .remediation)
        try container.encode(references, forKey: .references)
    }

    /// `framework:control` tags, sorted (e.g. `cis-aws-foundations-5.0:2.1.1`).
    public var frameworkTags: [String] {
        frameworks.sorted { $0.key < $1.key }.flatMap { framework, controls in controls.map { "\(framework):\($0)" } }
    }

    public static func == (lhs: PolicyReference, rhs: PolicyReference) -> Bool {
        lhs === rhs || (lhs.id == rhs.id && lhs.title == rhs.title && lhs.description == rhs.description && lhs.severity == rhs.severity
            && lhs.responsibility == rhs.responsibility && lhs.frameworks == rhs.frameworks
            && lhs.remediation == rhs.remediation && lhs.references == rhs.references && lhs.resource == rhs.resource)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// The resource a finding is about. A class: every finding on a resource shares one.
public final class ResourceReference: Encodable, Sendable, Hashable {
    public let id: String
    public let name: String
    public let kind: ResourceKind
    public let provider: ProviderID
    public let account: String
    public let region: String?
    public let source: ResourceSource

    public init(id: String, name: String, kind: ResourceKind, provider: ProviderID, account: String, region: String? = nil,
                source: ResourceSource) {
        self.id = id
        self.name = name
        self.kind = kind
        self.provider = provider
        self.account = account
        self.region = region
        self.source = source
    }

    /// The reference to a resource known only as a resource of some kind.
    public convenience init(_ resource: any Resource) {
        self.init(id: resource.id, name: resource.name, kind: type(of: resource).kind, provider: resource.provider, account: resource.account,
                  region: resource.region, source: resource.source)
    }

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
public struct Finding: Encodable, Sendable, Hashable {
    public let policy: PolicyReference
    public let resource: ResourceReference
    public let status: FindingStatus
    /// The rendered message for a failure; the error or the reason for `error` and `not_assessed`.
    public let message: String

    public init(policy: PolicyReference, resource: ResourceReference, status: FindingStatus, message: String) {
        self.policy = policy
        self.resource = resource
        self.status = status
        self.message = message
    }

    /// The finding's stable identity across runs (see `Fingerprint`).
    public var fingerprint: String {
        Fingerprint.of(provider: resource.provider, account: resource.account, policy: policy.id, resource: resource.id)
    }
}
