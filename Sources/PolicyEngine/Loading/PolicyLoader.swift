import Foundation
import Model
import SourceText
import Synchronization
import Yams

/// The result of loading policies: everything that loaded, and every problem found.
public struct PolicyLoadResult: Sendable {
    public let policies: [Policy]
    public let diagnostics: DiagnosticList
    /// The policy files read, in order.
    public let files: [String]
}

/// Loads policy files (YAML, one policy or a list per document), checking every expression
/// against the model's schema. All problems of all files are collected in one run.
public struct PolicyLoader: Sendable {
    /// The file name of the responsibility map, which is not a policy file.
    public static let responsibilityFileName = "responsibility.yaml"

    public let responsibility: ResponsibilityMap
    /// The environments of the loaded model: what expressions are checked against.
    public let environment: PolicyEnvironment

    public init(responsibility: ResponsibilityMap, model: ModelCatalog) {
        self.responsibility = responsibility
        environment = PolicyEnvironment(model: model)
    }

    /// Loads every policy file under `paths` (files, or folders searched recursively for
    /// `.yaml`/`.yml`), in parallel, and reports duplicate ids across files.
    public func load(paths: [String]) -> PolicyLoadResult {
        let (files, findProblems) = Self.policyFiles(in: paths)
        let results = Mutex([[Policy]](repeating: [], count: files.count))
        let problems = Mutex(findProblems)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (policies, diagnostics) = loadFile(files[index])
            results.withLock { $0[index] = policies }
            if !diagnostics.isEmpty { problems.withLock { $0 += diagnostics } }
        }
        var diagnostics = problems.withLock { $0 }
        let policies = Self.removingDuplicates(results.withLock { $0 }.flatMap { $0 }, diagnostics: &diagnostics)
        return PolicyLoadResult(policies: policies, diagnostics: DiagnosticList(diagnostics), files: files)
    }

    /// Loads one file.
    func loadFile(_ path: String) -> ([Policy], [Diagnostic]) {
        let file: YAMLFile
        switch YAMLFile.read(path) {
        case let .success(read): file = read
        case let .failure(diagnostic): return ([], [diagnostic])
        }
        let documents: [Node]
        switch file.documents() {
        case let .success(nodes): documents = nodes
        case let .failure(diagnostic): return ([], [diagnostic])
        }
        if documents.isEmpty {
            return ([], [file.diagnostic("empty", "file holds no policy", at: file.location(line: 1, column: 1))])
        }
        var reader = NodeReader(file: file)
        let parser = PolicyParser(responsibility: responsibility, environment: environment)
        var policies: [Policy] = []
        for document in documents {
            if case let .sequence(items) = document {
                policies += items.compactMap { parser.parse($0, reader: &reader) }
            } else {
                if let policy = parser.parse(document, reader: &reader) { policies.append(policy) }
            }
        }
        return (policies, reader.diagnostics)
    }

    private static func removingDuplicates(_ policies: [Policy], diagnostics: inout [Diagnostic]) -> [Policy] {
        var firstByID: [String: Policy] = [:]
        var kept: [Policy] = []
        for policy in policies {
            if let first = firstByID[policy.id] {
                diagnostics.append(Diagnostic(
                    code: "duplicate-id", message: "duplicate policy id '\(policy.id)'", location: policy.location,
                    notes: ["first defined at \(first.location)"]))
                continue
            }
            firstByID[policy.id] = policy
            kept.append(policy)
        }
        return kept
    }

    /// The policy files under `paths`, sorted, and problems with paths that do not exist.
    public static func policyFiles(in paths: [String]) -> ([String], [Diagnostic]) {
        var files: [String] = []
        var problems: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(Diagnostic(code: "not-found", message: "no such file or folder", location: SourceLocation(file: path, line: 1, column: 1)))
                continue
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            let found = (manager.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
                .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && ($0 as NSString).lastPathComponent != responsibilityFileName }
                .map { (path as NSString).appendingPathComponent($0) }
            if found.isEmpty {
                problems.append(Diagnostic(code: "empty", message: "folder holds no policy files (.yaml, .yml)", location: SourceLocation(file: path, line: 1, column: 1)))
            }
            files += found.sorted()
        }
        return (files, problems)
    }
}
