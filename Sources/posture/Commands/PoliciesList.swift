import ArgumentParser
import Reporting
import Model
import PolicyEngine
import SourceText

extension Policies {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List policies: id, severity, resource, responsibility domain, title.")

        @OptionGroup var policies: PolicySelection

        @Option(help: "Only policies for this provider (aws, …).")
        var provider: ProviderID?

        @Option(help: "Only policies on this resource kind (account, identity, bucket, trail, key).")
        var resource: ResourceKind?

        @Option(help: "Output format: text (a table) or json (an array, sorted by id).")
        var format: OutputFormat = .text

        func run() async throws {
            let catalog = try policies.load()
            let selected = catalog.policies
                .filter { provider == nil || $0.provider == provider }
                .filter { resource == nil || $0.resource == resource }
                .sorted { $0.id < $1.id }
            Console.out(format == .json ? PolicyListing.json(selected) : PolicyListing.table(selected))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one policy: metadata, condition, remediation, references.")

        @Argument(help: "The policy id, e.g. aws-s3-bucket-default-encryption.")
        var id: String

        @OptionGroup var policies: PolicySelection

        func run() async throws {
            let catalog = try policies.load()
            guard let policy = catalog.policy(id: id) else {
                let hint = Suggestion.closest(to: id, in: catalog.policies.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
                Console.error("error: no policy with id '\(id)'\(hint)")
                throw ExitDecision.Outcome.inputError.exitCode
            }
            Console.out(PolicyListing.detail(policy, responsibility: catalog.responsibility))
        }
    }

    struct Schema: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the fields policies may reference, per resource kind (all kinds by default).")

        @Argument(help: "A resource kind: account, identity, bucket, trail or key.")
        var kind: ResourceKind?

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() async throws {
            let model = try Posture.registry().model
            let kinds = kind.map { [$0] } ?? model.kinds.map(\.kind)
            if let kind, model.schema(kind) == nil {
                Console.error("error: unknown resource kind '\(kind)'; kinds: \(model.kinds.map(\.kind.rawValue).joined(separator: ", "))")
                throw ExitDecision.Outcome.inputError.exitCode
            }
            Console.out(format == .json ? SchemaListing.json(kinds, model: model) : SchemaListing.text(kinds, model: model))
        }
    }

    struct Functions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List posture's domain functions callable from policies, with their documentation.")

        func run() async throws {
            Console.out(FunctionListing.text(PolicyEnvironment.domainFunctions(for: try Posture.registry().model)))
        }
    }
}
