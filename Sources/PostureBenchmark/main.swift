import CEL
import Findings
import Foundation
import Model
import PolicyEngine
import PostureTesting

// Release-mode benchmarks (`make bench`): evaluation throughput and policy loading.
// Figures go in issue notes; tests never assert on time.

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

/// Copies the pack's policies into `folder` with numbered ids until there are `count` files.
func replicatePack(_ pack: PolicyCatalog, source: String, count: Int, into folder: URL) throws {
    try FileManager.default.copyItem(atPath: (source as NSString).appendingPathComponent("responsibility.yaml"),
                                     toPath: folder.appendingPathComponent("responsibility.yaml").path)
    let files = pack.policies.map(\.location.file)
    for index in 0..<count {
        let original = files[index % files.count]
        let id = pack.policies[index % files.count].id
        let text = try String(contentsOfFile: original, encoding: .utf8)
            .replacingOccurrences(of: "id: \(id)\n", with: "id: \(id)-\(index)\n")
        try text.write(to: folder.appendingPathComponent("\(id)-\(index).yaml"), atomically: false, encoding: .utf8)
    }
}

let arguments = CommandLine.arguments.dropFirst()
let model = ModelFixtures.model
let resourceCount = arguments.first.flatMap(Int.init) ?? 100_000
let policyCount = 60
guard let packPath = PolicyLocator.builtInPolicies() else { fail("cannot find policies/; run from the package root") }
let pack: PolicyCatalog
switch PolicyCatalog.load(paths: [packPath], model: model) {
case let .success(catalog): pack = catalog
case let .failure(list): fail("the pack does not load:\n\(list)")
}

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("posture-bench-\(ProcessInfo.processInfo.processIdentifier)")
defer { try? FileManager.default.removeItem(at: scratch) }
let sixty = scratch.appendingPathComponent("sixty"), fiveHundred = scratch.appendingPathComponent("five-hundred")
try FileManager.default.createDirectory(at: sixty, withIntermediateDirectories: true)
try FileManager.default.createDirectory(at: fiveHundred, withIntermediateDirectories: true)
try replicatePack(pack, source: packPath, count: policyCount, into: sixty)
try replicatePack(pack, source: packPath, count: 500, into: fiveHundred)

// 1. Loading: parse and check 500 policy files (best of 5).
var loadTimes: [Double] = []
for _ in 0..<5 {
    loadTimes.append(seconds { if case let .failure(list) = PolicyCatalog.load(paths: [fiveHundred.path], model: model) { fail("\(list)") } })
}
print(String(format: "load: 500 policy files parsed and checked in %.1f ms (best of 5; median %.1f ms)",
             loadTimes.min()! * 1000, loadTimes.sorted()[2] * 1000))

// 2. Evaluation: 60 policies over `resourceCount` resources.
guard case let .success(sixtyPolicies) = PolicyCatalog.load(paths: [sixty.path], model: model) else { fail("sixty policies do not load") }
let inventory = SyntheticInventory.make(count: resourceCount)
let evaluator = PolicyEvaluator(policies: sixtyPolicies.policies, model: model, now: Date(timeIntervalSince1970: 1_767_225_600))
let cores = ProcessInfo.processInfo.activeProcessorCount
var findings: [Finding] = []
var runs: [Double] = []
for _ in 0..<3 { runs.append(seconds { findings = evaluator.evaluate(inventory) }) }
let best = runs.min()!
let byKind = Dictionary(grouping: sixtyPolicies.policies, by: \.resource).mapValues(\.count)
print("evaluate: \(sixtyPolicies.policies.count) policies (\(byKind.map { "\($0.value) \($0.key.rawValue)" }.sorted().joined(separator: ", "))) over \(inventory.resourceCount) resources")
print(String(format: "evaluate: %d evaluations in %.3f s wall (best of 3; runs %@) on %d cores = %.0f evaluations/s/core",
             findings.count, best, runs.map { String(format: "%.3f", $0) }.joined(separator: ", "), cores, Double(findings.count) / best / Double(cores)))
let statuses = Dictionary(grouping: findings, by: \.status).mapValues(\.count)
print("evaluate: results \(statuses.map { "\($0.key.rawValue)=\($0.value)" }.sorted().joined(separator: " "))")

// Where the time goes: encoding resources into CEL values, alone, on one core.
var encoded = 0
var conversion = CELConversion()
let encodeTime = seconds {
    for kind in model.kinds {
        for resource in inventory.resources(of: kind.kind) { if case .map = resource.celValue(&conversion) { encoded += 1 } }
    }
}
print(String(format: "encode: %d resources into CEL values in %.3f s on one core (%.1f µs each)", encoded, encodeTime, encodeTime / Double(max(1, encoded)) * 1e6))

// The costliest policies, on one core over a sample.
let sample = SyntheticInventory.make(count: 10_000)
var costs: [(String, Double)] = []
for policy in pack.policies {
    let single = PolicyEvaluator(policies: [policy], model: model, now: Date(timeIntervalSince1970: 1_767_225_600))
    costs.append((policy.id, seconds { _ = single.evaluate(sample) }))
}
for (id, time) in costs.sorted(by: { $0.1 > $1.1 }).prefix(8) { print(String(format: "policy: %-55@ %.1f ms per 10,000 resources", id, time * 1000)) }

// Programs alone, on one core, over values converted beforehand.
do {
    var values = CELConversion()
    var evaluations = 0
    var programTime = 0.0
    for kind in model.kinds.map(\.kind) {
        let activations = inventory.resources(of: kind).map { Activation([kind.rawValue: $0.celValue(&values), "now": .timestamp(CELTimestamp(date: Date()))]) }
        let programs = sixtyPolicies.policies.filter { $0.resource == kind }.map(\.violation.program)
        programTime += seconds {
            for activation in activations { for program in programs { _ = program.evaluate(activation); evaluations += 1 } }
        }
    }
    print(String(format: "programs: %d evaluations in %.3f s on one core (%.0f ns each)", evaluations, programTime, programTime / Double(evaluations) * 1e9))
}
