import CEL
import Foundation
import Model

/// Text and JSON views of policies for `posture policies list` and `show`.
public enum PolicyListing {
    /// One line per policy: id, severity, resource, responsibility domain, title.
    public static func table(_ policies: [Policy]) -> String {
        let rows = policies.map { [$0.id, $0.severity.rawValue, "\($0.provider.rawValue)/\($0.resource.rawValue)", $0.responsibility, $0.title] }
        return TextTable.render(header: ["ID", "SEVERITY", "RESOURCE", "RESPONSIBILITY", "TITLE"], rows: rows)
            + "\n\(policies.count) \(policies.count == 1 ? "policy" : "policies")\n"
    }

    /// A JSON array of policy summaries, in id order, with stable key order.
    public static func json(_ policies: [Policy]) -> String {
        let items = policies.map { policy -> CELValue in
            .map(CELMap(summary(policy)))
        }
        return CELValueFormatter.json(.list(items), pretty: true) + "\n"
    }

    /// Everything about one policy, as a security engineer would read it.
    public static func detail(_ policy: Policy, responsibility: ResponsibilityMap) -> String {
        var lines: [String] = []
        lines.append("\(policy.id): \(policy.title)")
        lines.append("  severity:       \(policy.severity.rawValue)")
        lines.append("  resource:       \(policy.provider.rawValue) \(policy.resource.rawValue)")
        let domain = responsibility.domain(policy.responsibility)?.title ?? policy.responsibility
        let owner = responsibility.owner(of: policy.responsibility, provider: policy.provider).map { " (owner under IaaS: \($0.rawValue))" } ?? ""
        lines.append("  responsibility: \(domain)\(owner)")
        for (framework, controls) in policy.frameworks.sorted(by: { $0.key < $1.key }) {
            lines.append("  framework:      \(framework) \(controls.joined(separator: ", "))")
        }
        if !policy.requires.isEmpty { lines.append("  requires:       \(policy.requires.joined(separator: ", "))") }
        lines.append("  violation:      \(policy.violation.source.trimmingCharacters(in: .whitespacesAndNewlines))")
        lines.append("  message:        \(policy.message.source)")
        if let description = policy.description { lines.append("  description:    \(description.trimmingCharacters(in: .whitespacesAndNewlines))") }
        if let remediation = policy.remediation { lines.append("  remediation:    \(remediation.trimmingCharacters(in: .whitespacesAndNewlines))") }
        for reference in policy.references { lines.append("  reference:      \(reference)") }
        lines.append("  examples:       \(policy.examples.fail.count) fail, \(policy.examples.pass.count) pass")
        lines.append("  defined at:     \(policy.location)")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func summary(_ policy: Policy) -> [String: CELValue] {
        var fields: [String: CELValue] = [
            "id": .string(policy.id), "title": .string(policy.title), "severity": .string(policy.severity.rawValue),
            "resource": .string(policy.resource.rawValue), "provider": .string(policy.provider.rawValue),
            "responsibility": .string(policy.responsibility),
            "frameworks": .map(CELMap(policy.frameworks.mapValues { .list($0.map(CELValue.string)) })),
            "requires": .list(policy.requires.map(CELValue.string)),
            "violation": .string(policy.violation.source), "message": .string(policy.message.source),
            "references": .list(policy.references.map(CELValue.string)),
            "file": .string(policy.location.file), "line": .int(Int64(policy.location.line)),
        ]
        if let remediation = policy.remediation { fields["remediation"] = .string(remediation) }
        if let description = policy.description { fields["description"] = .string(description) }
        return fields
    }
}

/// Left-aligned columns separated by two spaces.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
