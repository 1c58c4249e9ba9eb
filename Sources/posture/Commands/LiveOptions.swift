import ArgumentParser
import ProviderKit

/// How `--live` reaches each provider: one option group per provider that can collect live.
struct LiveOptions: ParsableArguments {
    @OptionGroup(title: "Live AWS (with --live)") var aws: AWSLiveOptions

    /// The collector for `provider` (the positional argument of `scan … --live` and `snapshot`).
    func collector(for provider: String, version: String) -> (any LiveCollector)? {
        switch provider {
        case "aws": aws.collector(version: version)
        default: nil
        }
    }

    /// The providers that can collect live.
    static let providers = ["aws"]

    /// Validates the options of `provider` before any network access.
    func check(_ provider: String) throws {
        guard Self.providers.contains(provider) else {
            throw ValidationError("\(provider) cannot be scanned live; live scans: \(Self.providers.joined(separator: ", "))")
        }
        try aws.check()
    }

    /// Whether any live option was given (they need --live).
    var isUsed: Bool { aws.isUsed }

    /// `--quiet`: no progress line and no summary.
    var quiet: Bool { aws.quiet }
    var verbose: Bool { aws.verbose }
}
