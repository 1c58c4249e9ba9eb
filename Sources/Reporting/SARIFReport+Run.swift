import Findings
import Foundation
import Model
import PolicyEngine
import Triage

/// Where SARIF results point. Code scanning needs a file location for every result: offline
/// scans name the snapshot file (relative to the working folder, with the line where known);
/// resources read live get a stable pseudo-path `aws/<account>/<region>/<service>/<resource>`, line 1.
struct SARIFLocator {
    let workingDirectory: String?

    init(report: ScanReport, context: ReportContext) {
        workingDirectory = context.workingDirectory.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    func location(_ finding: ReportedFinding) -> JSONDocument {
        let resource = finding.resource
        let physical: JSONDocument = .object([
            "artifactLocation": .object(["uri": .string(uri(for: resource))]),
            "region": .object(["startLine": .int(max(1, resource.source.kind == .file ? resource.source.line ?? 1 : 1))]),
        ])
        return .object([
            "physicalLocation": physical,
            "logicalLocations": .array([.object([
                "name": .string(resource.name),
                "fullyQualifiedName": .string(resource.id),
                "kind": .string(resource.kind.rawValue),
            ])]),
        ])
    }

    /// A relative URI reference for snapshot files under the working folder, a `file:` URI for
    /// other absolute paths, and the pseudo-path for live resources.
    func uri(for resource: ResourceReference) -> String {
        guard resource.source.kind == .file else { return Self.encode(Self.pseudoPath(resource)) }
        var path = resource.source.location
        if let workingDirectory, path.hasPrefix(workingDirectory) { path.removeFirst(workingDirectory.count) }
        if path.hasPrefix("./") { path.removeFirst(2) }
        return path.hasPrefix("/") ? "file://" + Self.encode(path) : Self.encode(path)
    }

    static func pseudoPath(_ resource: ResourceReference) -> String {
        let service: String
        let arnParts = resource.id.split(separator: ":", omittingEmptySubsequences: false)
        if resource.id.hasPrefix("arn:"), arnParts.count > 2, !arnParts[2].isEmpty {
            service = String(arnParts[2])
        } else if let prefix = resource.source.location.split(separator: ":").first, !prefix.isEmpty {
            service = String(prefix)
        } else {
            service = resource.kind.rawValue
        }
        let name = resource.name.replacingOccurrences(of: "/", with: "_")
        return [resource.provider.rawValue, resource.account, resource.region ?? "global", service, name].joined(separator: "/")
    }

    /// Percent-encodes what a URI path may not hold (spaces, `#`, `?`, `%`, non-ASCII).
    static func encode(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%;")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

extension SARIFReport {
    /// The run's one invocation: what could not be read (execution notifications) and the
    /// waivers that expired or matched nothing (configuration notifications, at their line).
    static func invocation(_ report: ScanReport) -> JSONDocument {
        let execution = report.scan.incomplete.map { error in
            JSONDocument.object([
                "level": "warning",
                "descriptor": .object(["id": "incomplete"]),
                "message": .object(["text": .string("Scan incomplete: could not read \(error.description)")]),
            ])
        }
        let configuration = (report.waivers?.waivers ?? []).filter { $0.state != .active }.map { waiver in
            let (file, line) = splitSource(waiver.source)
            let text = waiver.state == .expired
                ? "Waiver for \(waiver.policy) on \(waiver.resource) expired on \(waiver.expires); it no longer suppresses \(waiver.matched) finding(s)"
                : "Waiver for \(waiver.policy) on \(waiver.resource) matched no failing finding (stale)"
            return JSONDocument.object([
                "level": "warning",
                "descriptor": .object(["id": .string("waiver-\(waiver.state.rawValue)")]),
                "message": .object(["text": .string(text)]),
                "locations": .array([.object(["physicalLocation": .object([
                    "artifactLocation": .object(["uri": .string(SARIFLocator.encode(file))]),
                    "region": .object(["startLine": .int(line)]),
                ])])]),
            ])
        }
        return .object([
            "executionSuccessful": true,
            "endTimeUtc": .string(ISO8601DateFormatter().string(from: report.scan.time)),
            "toolExecutionNotifications": .array(execution),
            "toolConfigurationNotifications": .array(configuration),
        ])
    }

    /// `FILE:LINE` → (FILE, LINE).
    static func splitSource(_ source: String) -> (String, Int) {
        guard let colon = source.lastIndex(of: ":"), let line = Int(source[source.index(after: colon)...]) else { return (source, 1) }
        return (String(source[..<colon]), max(1, line))
    }

    static func properties(_ report: ScanReport) -> JSONDocument {
        var entries: [String: JSONDocument?] = [
            "source": .string(report.scan.source),
            "accounts": .strings(report.scan.accounts),
            "policies": .int(report.scan.policies),
            "byStatus": .object(report.summary.byStatus.mapValues { .int($0) }),
            "incomplete": .bool(!report.scan.incomplete.isEmpty),
            "uncoveredCustomerDomains": .strings(report.summary.uncoveredCustomerDomains),
        ]
        if let waivers = report.waivers { entries["suppressed"] = .int(waivers.suppressed) }
        if let baseline = report.baseline {
            entries["baseline"] = .object(["new": .int(baseline.new), "unchanged": .int(baseline.unchanged), "resolved": .int(baseline.resolved)])
        }
        return .object(["posture": .compact(entries)])
    }
}
