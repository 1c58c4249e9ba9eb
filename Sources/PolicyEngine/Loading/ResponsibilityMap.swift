import Model

/// Who owns a security domain under one provider's service model.
public enum Party: String, Codable, Sendable, CaseIterable, Hashable {
    case provider, customer, shared
}

/// The shared-responsibility map (`policies/responsibility.yaml`): security domains, and per
/// provider and service model (IaaS, PaaS, SaaS) which party owns each, with a rationale.
public struct ResponsibilityMap: Sendable {
    public struct Domain: Sendable, Hashable {
        public let id: String
        public let title: String
        public let summary: String
    }

    public struct Assignment: Sendable, Hashable {
        public let owner: Party
        public let rationale: String
    }

    public struct ProviderModel: Sendable {
        /// The provider's own published shared-responsibility page.
        public let reference: String
        /// Service model (`iaas`, `paas`, `saas`) → domain id → assignment.
        public let models: [String: [String: Assignment]]
    }

    public static let serviceModels = ["iaas", "paas", "saas"]

    public let domains: [Domain]
    public let providers: [ProviderID: ProviderModel]

    public func domain(_ id: String) -> Domain? { domains.first { $0.id == id } }

    /// Domains the customer owns or shares under any service model of `provider`:
    /// the ones a scanner of the customer's configuration should cover.
    public func customerDomains(for provider: ProviderID) -> [Domain] {
        guard let model = providers[provider] else { return [] }
        return domains.filter { domain in
            model.models.values.contains { ($0[domain.id]?.owner ?? .provider) != .provider }
        }
    }

    /// The party that owns `domain` for `provider` under `serviceModel` (default IaaS).
    public func owner(of domain: String, provider: ProviderID, serviceModel: String = "iaas") -> Party? {
        providers[provider]?.models[serviceModel]?[domain]?.owner
    }
}
