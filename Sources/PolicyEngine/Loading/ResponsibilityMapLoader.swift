import Model
import SourceText
import Yams

extension ResponsibilityMap {
    /// Loads and validates a responsibility map file; every problem is a diagnostic with a place.
    public static func load(path: String) -> Result<ResponsibilityMap, DiagnosticList> {
        let file: YAMLFile
        switch YAMLFile.read(path) {
        case let .success(read): file = read
        case let .failure(diagnostic): return .failure(DiagnosticList([diagnostic]))
        }
        let root: Node
        switch file.documents() {
        case let .success(documents) where documents.count == 1: root = documents[0]
        case .success: return .failure(DiagnosticList([file.diagnostic("structure", "expected exactly one YAML document", at: file.location(line: 1, column: 1))]))
        case let .failure(diagnostic): return .failure(DiagnosticList([diagnostic]))
        }
        var reader = NodeReader(file: file)
        let map = ResponsibilityMapParser.parse(root, reader: &reader)
        if let map, reader.diagnostics.isEmpty { return .success(map) }
        return .failure(DiagnosticList(reader.diagnostics))
    }
}

private enum ResponsibilityMapParser {
    static func parse(_ root: Node, reader: inout NodeReader) -> ResponsibilityMap? {
        guard let top = reader.entries(of: root, what: "the responsibility map", allowed: ["domains", "providers"]) else { return nil }
        guard let domainsNode = top["domains"]?.value, let providersNode = top["providers"]?.value else {
            reader.error("missing-key", "the responsibility map needs 'domains' and 'providers'", at: root)
            return nil
        }
        let domains = parseDomains(domainsNode, reader: &reader)
        let ids = domains.map(\.id)
        guard let providerEntries = reader.entries(of: providersNode, what: "providers", allowed: []) else { return nil }
        var providers: [ProviderID: ResponsibilityMap.ProviderModel] = [:]
        for (name, entry) in providerEntries.sorted(by: { $0.key < $1.key }) {
            let provider = ProviderID(name)
            if let model = parseProvider(entry.value, name: name, domainIDs: ids, reader: &reader) { providers[provider] = model }
        }
        return ResponsibilityMap(domains: domains, providers: providers)
    }

    static func parseDomains(_ node: Node, reader: inout NodeReader) -> [ResponsibilityMap.Domain] {
        guard case let .sequence(sequence) = node else {
            reader.error("type", "'domains' must be a list", at: node)
            return []
        }
        var domains: [ResponsibilityMap.Domain] = []
        for item in sequence {
            guard let fields = reader.entries(of: item, what: "a domain", allowed: ["id", "title", "summary"]) else { continue }
            guard let idNode = fields["id"]?.value, let id = reader.nonEmptyString(idNode, what: "domain id") else {
                reader.error("missing-key", "a domain needs an 'id'", at: item)
                continue
            }
            if domains.contains(where: { $0.id == id }) {
                reader.error("duplicate-id", "duplicate domain id '\(id)'", at: idNode)
                continue
            }
            let title = fields["title"].flatMap { reader.nonEmptyString($0.value, what: "domain title") } ?? id
            let summary = fields["summary"].flatMap { reader.string($0.value, what: "domain summary") } ?? ""
            domains.append(.init(id: id, title: title, summary: summary))
        }
        return domains
    }

    static func parseProvider(_ node: Node, name: String, domainIDs: [String], reader: inout NodeReader) -> ResponsibilityMap.ProviderModel? {
        guard let fields = reader.entries(of: node, what: "provider '\(name)'", allowed: ["reference", "models"]) else { return nil }
        guard let referenceNode = fields["reference"]?.value,
              let reference = reader.nonEmptyString(referenceNode, what: "reference") else {
            reader.error("missing-key", "provider '\(name)' needs a 'reference' to its published shared-responsibility page", at: node)
            return nil
        }
        guard let modelsNode = fields["models"]?.value,
              let models = reader.entries(of: modelsNode, what: "models of '\(name)'", allowed: ResponsibilityMap.serviceModels) else {
            reader.error("missing-key", "provider '\(name)' needs 'models' (iaas, paas, saas)", at: node)
            return nil
        }
        var result: [String: [String: ResponsibilityMap.Assignment]] = [:]
        for (model, entry) in models {
            result[model] = parseAssignments(entry.value, context: "\(name) \(model)", domainIDs: domainIDs, reader: &reader)
        }
        return .init(reference: reference, models: result)
    }

    static func parseAssignments(
        _ node: Node, context: String, domainIDs: [String], reader: inout NodeReader
    ) -> [String: ResponsibilityMap.Assignment] {
        guard let entries = reader.entries(of: node, what: context, allowed: domainIDs) else { return [:] }
        var result: [String: ResponsibilityMap.Assignment] = [:]
        for (domain, entry) in entries {
            guard let fields = reader.entries(of: entry.value, what: "\(context) \(domain)", allowed: ["owner", "rationale"]),
                  let ownerNode = fields["owner"]?.value, let ownerName = reader.string(ownerNode, what: "owner") else {
                reader.error("missing-key", "\(context) \(domain) needs an 'owner' and a 'rationale'", at: entry.value)
                continue
            }
            guard let owner = Party(rawValue: ownerName) else {
                reader.error("invalid-value", "owner must be provider, customer or shared, not '\(ownerName)'", at: ownerNode)
                continue
            }
            guard let rationaleNode = fields["rationale"]?.value,
                  let rationale = reader.nonEmptyString(rationaleNode, what: "rationale") else {
                reader.error("missing-key", "\(context) \(domain) needs a one-line 'rationale'", at: entry.value)
                continue
            }
            result[domain] = .init(owner: owner, rationale: rationale)
        }
        for missing in domainIDs where result[missing] == nil && entries[missing] == nil {
            reader.error("incomplete", "\(context) does not assign domain '\(missing)'", at: node)
        }
        return result
    }
}
