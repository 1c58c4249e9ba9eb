import ArgumentParser
import Foundation
import Scanning

/// `posture snapshot PROVIDER --out DIR`: collect live, write the offline bundle, evaluate nothing.
struct Snapshot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export an account's configuration as a snapshot bundle (read-only API calls), to scan later or elsewhere with posture scan DIR.",
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

    @OptionGroup var connection: LiveOptions

    func validate() throws {
        guard LiveOptions.providers.contains(provider) else {
            throw ValidationError("only \(LiveOptions.providers.joined(separator: ", ")) can be exported for now (got '\(provider)')")
        }
        try connection.check(provider)
    }

    func run() async throws {
        guard let collector = connection.collector(for: provider, version: Posture.version) else { throw ExitCode(2) }
        let outcome = await SnapshotExport.run(collector, label: "posture snapshot \(provider)", to: out, tool: "posture \(Posture.version)",
                                               events: ConsoleEvents(quiet: connection.quiet, verbose: connection.verbose))
        if outcome != .clean { throw outcome.exitCode }
    }
}
