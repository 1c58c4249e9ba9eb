import ArgumentParser
import Reporting
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

    /// Loads the catalog against the registered providers' model, or prints every problem.
    func load() throws -> PolicyCatalog {
        try PolicyCatalog.load(paths: paths, model: Posture.registry().model).mapError { Console.report($0).exitCode }.get()
    }
}

/// `--policies DIR` for commands whose positional argument is something else.
struct PolicySelection: ParsableArguments {
    @Option(name: .customLong("policies"), help: ArgumentHelp(
        "A policy file or folder; repeat for several. Default: the built-in pack.", valueName: "path"))
    var paths: [String] = []

    func load(model: ModelCatalog) -> Result<PolicyCatalog, ExitCode> {
        PolicyCatalog.load(paths: paths, model: model).mapError { Console.report($0).exitCode }
    }

    func load() throws -> PolicyCatalog { try load(model: Posture.registry().model).get() }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension ProviderID: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension ResourceKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
