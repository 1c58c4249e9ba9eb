import ArgumentParser
import Model
import PolicyEngine

struct Policies: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate, test, list and inspect policies.",
        subcommands: [Validate.self, Test.self, List.self, Show.self, Schema.self, Functions.self]
    )
}

/// Policy paths shared by the policy commands.
struct PolicyPaths: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Policy files or folders (searched recursively for .yaml/.yml). Default: the built-in pack.",
        valueName: "path"))
    var paths: [String] = []

    /// Loads the catalog, or prints every problem and returns the exit status.
    func load() -> Result<PolicyCatalog, ExitStatus> {
        PolicyCatalog.load(paths: paths).mapError { Console.report($0) }
    }
}

/// `--policies DIR` for commands whose positional argument is something else.
struct PolicySelection: ParsableArguments {
    @Option(name: .customLong("policies"), help: ArgumentHelp(
        "A policy file or folder; repeat for several. Default: the built-in pack.", valueName: "path"))
    var paths: [String] = []

    func load() -> Result<PolicyCatalog, ExitStatus> {
        PolicyCatalog.load(paths: paths).mapError { Console.report($0) }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Provider: ExpressibleByArgument {}
extension ResourceKind: ExpressibleByArgument {}
