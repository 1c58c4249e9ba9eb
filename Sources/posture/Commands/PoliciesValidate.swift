import ArgumentParser
import PolicyEngine

extension Policies {
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check policy files: YAML, keys, values, and every CEL expression against the model.",
            discussion: "Prints every problem of every file as FILE:LINE:COL: error: message and exits 2, or exits 0."
        )

        @OptionGroup var policies: PolicyPaths

        func run() async throws {
            let catalog = try policies.load()
            Console.out("\(catalog.policies.count) policies in \(catalog.files.count) files are valid\n")
        }
    }
}
