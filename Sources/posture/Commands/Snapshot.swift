import ArgumentParser
import Foundation
import ProviderAWS

/// `posture snapshot aws --out DIR`: collect live, write the offline bundle, evaluate nothing.
struct Snapshot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export an AWS account's configuration as a snapshot bundle (read-only API calls), to scan later or elsewhere with posture scan DIR.",
        discussion: """
        The bundle has the layout of snapshots/README.md: one file per API answer, error answers \
        as {"Error": {...}}, and a manifest. It describes the account (users, policies, buckets), \
        so the folder is created 0700 and its files 0600; it holds nothing from the credentials. \
        Exit codes: 0 written, 3 written but some calls failed (listed; scanning the bundle \
        reports them as incomplete), 2 usage error or nothing could be collected.
        """
    )

    @Argument(help: ArgumentHelp("The cloud: aws.", valueName: "provider"))
    var provider: String

    @Option(help: ArgumentHelp("The folder to write; it must not exist or be empty.", valueName: "folder"))
    var out: String

    @OptionGroup(title: "Live AWS") var connection: LiveOptions

    func validate() throws {
        guard provider == "aws" else { throw ValidationError("only aws can be exported for now (got '\(provider)')") }
        try connection.check()
    }

    func run() async throws {
        let collection: LiveCollection
        switch await LiveScan.collect(connection, label: "posture snapshot aws") {
        case let .success(collected): collection = collected
        case let .failure(failure):
            Console.error("error: \(failure.description)")
            throw ExitStatus.usageOrInputError.exitCode
        }
        do {
            try BundleWriter(tool: "posture \(Posture.configuration.version)").write(collection, to: out)
        } catch {
            Console.error("error: \(error.description)")
            throw ExitStatus.usageOrInputError.exitCode
        }
        let failed = collection.failedCalls
        for document in failed.prefix(50) {
            if case let .error(code, message) = document.payload { Console.error("  \(document.source): \(code): \(message)") }
        }
        for problem in collection.unfiled { Console.error("  \(problem.description)") }
        if failed.count > 50 { Console.error("  … and \(failed.count - 50) more") }
        if !connection.quiet { Console.error("posture snapshot aws: wrote \(out) (\(collection.entries.count) files)") }
        if !failed.isEmpty || !collection.unfiled.isEmpty { throw ExitStatus.incomplete.exitCode }
    }
}
