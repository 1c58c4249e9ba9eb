import CEL
import Findings
import Foundation
import Model
import SourceText
import Yams

/// Reads one policy mapping into a `Policy`, collecting every problem as a diagnostic.
struct PolicyParser {
    static let keys = [
        "id", "title", "description", "severity", "resource", "provider", "responsibility", "frameworks",
        "requires", "variables", "violation", "message", "remediation", "references", "examples",
    ]
    static let requiredKeys = ["id", "title", "severity", "resource", "provider", "responsibility", "violation", "message"]

    let responsibility: ResponsibilityMap
    let environment: PolicyEnvironment
    var model: ModelCatalog { environment.model }

    func parse(_ node: Node, reader: inout NodeReader) -> Policy? {
        reader.suggestedKeys = []
        guard let fields = reader.entries(of: node, what: "a policy", allowed: Self.keys) else { return nil }
        let missing = Self.requiredKeys.filter { fields[$0] == nil && !reader.suggestedKeys.contains($0) }
        if !missing.isEmpty {
            reader.error("missing-key", "policy is missing required \(missing.count == 1 ? "key" : "keys") \(missing.map { "'\($0)'" }.joined(separator: ", "))", at: node)
        }
        let id = fields["id"].flatMap { identifier($0.value, reader: &reader) }
        let title = fields["title"].flatMap { reader.nonEmptyString($0.value, what: "title") }
        let severity = fields["severity"].flatMap { enumValue($0.value, Severity.self, what: "severity", reader: &reader) }
        let provider = fields["provider"].flatMap { choice($0.value, model.providers, what: "provider", reader: &reader) }
        let kind = fields["resource"].flatMap { node in
            choice(node.value, provider.map(model.kinds(for:)) ?? model.kinds.map(\.kind), what: "resource", reader: &reader)
        }
        let domain = fields["responsibility"].flatMap { responsibilityDomain($0.value, reader: &reader) }
        let frameworks = fields["frameworks"].map { frameworkMap($0.value, reader: &reader) } ?? [:]
        let requires = fields["requires"].map { dataSets($0.value, provider: provider, reader: &reader) } ?? []
        let references = fields["references"].flatMap { reader.stringList($0.value, what: "references") } ?? []
        let remediation = fields["remediation"].flatMap { reader.nonEmptyString($0.value, what: "remediation") }
        let description = fields["description"].flatMap { reader.string($0.value, what: "description") }

        guard let kind else { return nil }
        var compiler = ExpressionCompiler(kind: kind, environment: environment.environment(for: kind))
        let variables = fields["variables"].map { defineVariables($0.value, compiler: &compiler, reader: &reader) } ?? []
        let violation = fields["violation"].flatMap { compileViolation($0.value, compiler: compiler, reader: &reader) }
        let message = fields["message"].flatMap { compileMessage($0.value, compiler: compiler, reader: &reader) }
        // Without a valid provider the policy is refused anyway; its examples are still read, as
        // the first registered provider's, so their own mistakes are reported in the same run.
        let examples = examples(fields["examples"]?.value, kind: kind, provider: provider ?? model.providers.first ?? "unknown", reader: &reader)

        guard let id, let title, let severity, let provider, let domain, let violation, let message, let examples, let variables else { return nil }
        return Policy(
            id: id, title: title, description: description, severity: severity, resource: kind, provider: provider,
            responsibility: domain, frameworks: frameworks, requires: requires, variables: variables, violation: violation, message: message,
            remediation: remediation, references: references, examples: examples, location: reader.file.location(of: node))
    }

    private func identifier(_ node: Node, reader: inout NodeReader) -> String? {
        guard let id = reader.nonEmptyString(node, what: "id") else { return nil }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789-.")
        guard id.unicodeScalars.allSatisfy(allowed.contains), id.first?.isLetter == true else {
            reader.error("invalid-value", "id '\(id)' must start with a letter and use only a-z, 0-9, '-' and '.'", at: node)
            return nil
        }
        return id
    }

    /// One of `choices` (a provider, a resource kind), with a suggestion for a near miss.
    private func choice<T: RawRepresentable>(_ node: Node, _ choices: [T], what: String, reader: inout NodeReader) -> T? where T.RawValue == String {
        guard let text = reader.string(node, what: what) else { return nil }
        if let value = choices.first(where: { $0.rawValue == text }) { return value }
        let names = choices.map(\.rawValue)
        let notes = Suggestion.closest(to: text, in: names).map { ["did you mean '\($0)'?"] } ?? []
        reader.error("invalid-value", "\(what) must be one of \(names.joined(separator: ", ")), not '\(text)'", at: node, notes: notes)
        return nil
    }

    private func enumValue<T: RawRepresentable & CaseIterable>(
        _ node: Node, _: T.Type, what: String, reader: inout NodeReader
    ) -> T? where T.RawValue == String {
        guard let text = reader.string(node, what: what) else { return nil }
        if let value = T(rawValue: text) { return value }
        let choices = T.allCases.map(\.rawValue)
        let notes = Suggestion.closest(to: text, in: choices).map { ["did you mean '\($0)'?"] } ?? []
        reader.error("invalid-value", "\(what) must be one of \(choices.joined(separator: ", ")), not '\(text)'", at: node, notes: notes)
        return nil
    }

    private func responsibilityDomain(_ node: Node, reader: inout NodeReader) -> String? {
        guard let text = reader.nonEmptyString(node, what: "responsibility") else { return nil }
        if responsibility.domain(text) != nil { return text }
        let ids = responsibility.domains.map(\.id)
        let notes = Suggestion.closest(to: text, in: ids).map { ["did you mean '\($0)'?"] } ?? []
        reader.error("unknown-domain", "unknown responsibility domain '\(text)' (known: \(ids.joined(separator: ", ")))", at: node, notes: notes)
        return nil
    }

    private func frameworkMap(_ node: Node, reader: inout NodeReader) -> [String: [String]] {
        guard let entries = reader.entries(of: node, what: "frameworks", allowed: []) else { return [:] }
        var result: [String: [String]] = [:]
        for (framework, entry) in entries {
            if let controls = reader.stringList(entry.value, what: "controls of \(framework)") { result[framework] = controls }
        }
        return result
    }

    /// Data set names of the policy's provider; an entry may list alternatives with `|`
    /// (`credential-report|account-summary`: either will do). `bucket.<setting>` requires the
    /// bucket's own input to hold that setting.
    private func dataSets(_ node: Node, provider: ProviderID?, reader: inout NodeReader) -> [String] {
        guard let entries = reader.stringList(node, what: "requires") else { return [] }
        guard let provider else { return [] }
        let settings = model.kinds.flatMap { descriptor in
            model.settings(of: provider, on: descriptor.kind).map { "\(descriptor.kind.rawValue).\($0)" }
        }
        let known = model.dataSets(of: provider).map(\.rawValue) + settings
        var valid: [String] = []
        for entry in entries {
            let alternatives = entry.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let unknown = alternatives.filter { !known.contains($0) }
            for name in unknown {
                let notes = Suggestion.closest(to: name, in: known).map { ["did you mean '\($0)'?"] } ?? []
                reader.error("invalid-value", "unknown data set '\(name)' in requires (known: \(known.joined(separator: ", ")))", at: node, notes: notes)
            }
            if unknown.isEmpty, !alternatives.isEmpty { valid.append(alternatives.joined(separator: "|")) }
        }
        return valid
    }
}
