import Foundation

/// Whether a failing finding was already in the baseline report.
public enum BaselineState: String, Codable, Sendable {
    /// Not in the baseline: this one fails the build (at or above `--fail-on`).
    case new
    /// In the baseline: known, reported, but not failing the build.
    case unchanged
}

/// How the scan compares with its baseline.
public struct BaselineSummary: Codable, Sendable {
    public var file: String
    /// Failing findings not in the baseline.
    public var new: Int
    /// Failing findings already in the baseline.
    public var unchanged: Int
    /// Baseline failures that no longer fail (fixed, or their resource is gone).
    public var resolved: Int
}

/// A previous JSON report (`--baseline`): the fingerprints of its failing findings.
///
/// Fingerprints hash provider, account, policy id and resource id, so a finding keeps its
/// fingerprint across runs, messages, times and input order.
public struct Baseline: Sendable {
    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    public let file: String
    /// Fingerprints of the baseline's failing (`fail` or `error`) findings.
    public let fingerprints: Set<String>

    public init(file: String, fingerprints: Set<String>) {
        self.file = file
        self.fingerprints = fingerprints
    }

    /// The subset of the JSON report a baseline needs.
    private struct Document: Decodable {
        struct Entry: Decodable {
            let fingerprint: String
            let status: String
        }

        let schemaVersion: String
        let findings: [Entry]
    }

    public static func load(_ path: String) -> Result<Baseline, LoadError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(LoadError(description: "\(path): cannot read the baseline report"))
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let place = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            return .failure(LoadError(description: "\(path): not a posture JSON report (no '\(place)'); write one with --format json"))
        } catch {
            return .failure(LoadError(description: "\(path): not a posture JSON report: \(error.localizedDescription)"))
        }
        guard document.schemaVersion.split(separator: ".").first == ReportSchema.version.split(separator: ".").first else {
            return .failure(LoadError(description: "\(path): report schema \(document.schemaVersion) is not compatible with \(ReportSchema.version)"))
        }
        let failing = document.findings.filter { $0.status == "fail" || $0.status == "error" }.map(\.fingerprint)
        return .success(Baseline(file: path, fingerprints: Set(failing)))
    }

    /// Marks each failing finding `new` or `unchanged` and returns the counts.
    public func apply(to findings: inout [ReportedFinding]) -> BaselineSummary {
        var seen = Set<String>()
        var new = 0, unchanged = 0
        for index in findings.indices where findings[index].isFailing {
            let fingerprint = findings[index].fingerprint
            let known = fingerprints.contains(fingerprint)
            findings[index].baseline = known ? .unchanged : .new
            if known { unchanged += 1; seen.insert(fingerprint) } else { new += 1 }
        }
        return BaselineSummary(file: file, new: new, unchanged: unchanged, resolved: fingerprints.subtracting(seen).count)
    }
}
