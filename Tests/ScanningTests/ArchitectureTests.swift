import Foundation
import PostureTesting
import Testing

/// The target graph against the picture in docs/architecture.md: every dependency written in
/// Package.swift points to a lower floor, every target has a floor, and the shared targets'
/// code names no provider. Reads the two files as text, so the picture and the package cannot
/// drift apart unnoticed.
@Suite("The target graph keeps to its floors")
struct ArchitectureTests {
    static let root = TestPaths.packageRoot()

    /// `target → floor`, from the floors table of docs/architecture.md (`| 4 | `ProviderKit` | …`).
    static func floors() throws -> [String: Int] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        var floors: [String: Int] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 3, let floor = Int(cells[1]) else { continue }
            for name in cells[2].split(separator: ",") {
                floors[name.trimmingCharacters(in: CharacterSet(charactersIn: " `"))] = floor
            }
        }
        return floors
    }

    /// The library and executable targets of Package.swift (test targets excluded) with the
    /// package-local targets each depends on.
    static func targets() throws -> [String: [String]] {
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        // Each declaration starts at `.target(`, `.executableTarget(` or `.systemLibrary(` and
        // runs to the next declaration; its first `name:` is the target.
        let starts = try Regex(#"\.(target|executableTarget|systemLibrary|testTarget)\("#)
        let matches = text.matches(of: starts)
        var targets: [String: [String]] = [:]
        for (index, match) in matches.enumerated() where match.output[1].substring != "testTarget" {
            let end = index + 1 < matches.count ? matches[index + 1].range.lowerBound : text.endIndex
            let declaration = text[match.range.lowerBound ..< end]
            guard let name = declaration.firstMatch(of: #/name:\s*"([^"]+)"/#)?.output.1 else { continue }
            var dependencies: [String] = []
            if let list = declaration.firstMatch(of: #/dependencies:\s*\[([^\]]*)\]/#)?.output.1 {
                // `.product(name: "Yams", package: "Yams")` is a package's product, not a target.
                let local = list.replacing(#/\.product\([^)]*\)/#, with: "")
                dependencies = local.matches(of: #/"([^"]+)"/#).map { String($0.output.1) }
            }
            targets[String(name)] = dependencies
        }
        return targets
    }

    @Test("every dependency points to a lower floor")
    func dependenciesPointDown() throws {
        let floors = try Self.floors()
        let targets = try Self.targets()
        #expect(targets.count > 15, "Package.swift was not read: \(targets.keys.sorted())")
        let benchOnly: Set = ["posture-bench", "PostureTesting"] // beside the stack, used by tests and the benchmark
        for (target, dependencies) in targets where !benchOnly.contains(target) {
            let floor = try #require(floors[target], "\(target) has no floor in docs/architecture.md")
            for dependency in dependencies {
                let below = try #require(floors[dependency], "\(dependency) has no floor in docs/architecture.md")
                #expect(below < floor, "\(target) (floor \(floor)) depends on \(dependency) (floor \(below)): arrows point only down")
            }
        }
        for target in floors.keys { #expect(targets[target] != nil, "docs/architecture.md names \(target), which Package.swift does not declare") }
    }

    /// Code lines (comments removed) of the shared targets that name AWS.
    @Test("no shared target names a provider in its code")
    func sharedTargetsNameNoProvider() throws {
        let shared = ["Scanning", "Reporting", "PolicyEngine", "Findings", "Triage", "ProviderKit", "Model/Core", "Model/Kinds"]
        let mention = #/\baws\b|\bAWS|\.aws\b|ProviderAWS/#
        var offending: [String] = []
        for folder in shared {
            let url = Self.root.appendingPathComponent("Sources").appendingPathComponent(folder)
            let files = try #require(FileManager.default.enumerator(atPath: url.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
            #expect(!files.isEmpty, "no Swift files under Sources/\(folder)")
            for file in files {
                let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = Self.withoutCommentsAndStrings(String(line))
                    // A provider's id as a literal is code too (`provider ?? "aws"`).
                    let literal = Self.withoutComments(String(line)).contains(#/"aws"/#)
                    if code.contains(mention) || literal { offending.append("Sources/\(folder)/\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))") }
                }
            }
        }
        #expect(offending.isEmpty, "shared targets name a provider:\n\(offending.joined(separator: "\n"))")
    }

    /// The line's code: without `//` comments and without the text of string literals (help
    /// text and examples may name a provider; code may not branch on one).
    static func withoutCommentsAndStrings(_ line: String) -> String { strip(line, strings: true) }

    /// The line without its `//` comment, string literals kept.
    static func withoutComments(_ line: String) -> String { strip(line, strings: false) }

    private static func strip(_ line: String, strings: Bool) -> String {
        var code = ""
        var inString = false
        var previous: Character = " "
        for character in line {
            if inString {
                if character == "\"", previous != "\\" { inString = false }
                if !strings { code.append(character) }
            } else if character == "\"" {
                inString = true
                if !strings { code.append(character) }
            } else if character == "/", previous == "/" {
                code.removeLast()
                break
            } else {
                code.append(character)
            }
            previous = character
        }
        return code
    }

    @Test("the comment and string stripper keeps code and drops the rest")
    func stripper() {
        #expect(Self.withoutCommentsAndStrings(#"let a = "aws" // aws"#) == "let a =  ")
        #expect(Self.withoutCommentsAndStrings("provider == .aws") == "provider == .aws")
        #expect(Self.withoutCommentsAndStrings("/// AWS").isEmpty)
        #expect(Self.withoutComments(#"x ?? "aws" // "gcp""#) == #"x ?? "aws" "#)
    }
}
