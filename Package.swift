// swift-tools-version:6.0
// posture — cloud configuration posture scanner.
// Targets sit on floors and depend only downwards: docs/architecture.md draws them.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "posture",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "posture", targets: ["posture"]),
        .library(name: "CEL", targets: ["CEL"]),
        .library(name: "Model", targets: ["Model"]),
        .library(name: "PolicyEngine", targets: ["PolicyEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The Common Expression Language: syntax, checker, runtime, standard library.
        // Knows nothing of clouds or YAML; PolicyEngine feeds it a type environment.
        .target(name: "CEL", swiftSettings: strict),
        // Text posture reads: source locations and diagnostics, YAML with line:col, the one JSON
        // parser (an ordered tree, errors with line:col) and JSON into typed values, and the one
        // RFC 3339 parser.
        .target(name: "SourceText", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: strict),
        // The provider-neutral inventory policies evaluate.
        .target(name: "Model", dependencies: ["CEL", "SourceText"], swiftSettings: strict),
        // What a scan finds: severities, findings, the policies and resources they name, and
        // their fingerprints — the vocabulary reports, triage and history share.
        .target(
            name: "Findings",
            dependencies: ["Model", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        // Policy files, the responsibility map, and evaluation into findings.
        .target(
            name: "PolicyEngine",
            dependencies: ["CEL", "Model", "Findings", "SourceText", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // zlib, for AWS Config's .json.gz snapshots (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // libcurl (Debian: libcurl4-openssl-dev), with a header of non-variadic setopt wrappers.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // HTTP over libcurl's multi interface: concurrency, timeouts, retries, rate caps, TLS, proxies.
        .target(name: "HTTP", dependencies: ["CCurl"], swiftSettings: strict),
        // Child processes run with a time limit, through pipes no other child can inherit.
        .target(name: "ChildProcess", dependencies: ["CSpawn"], swiftSettings: strict),
        // posix_spawn with only 0, 1 and 2 passed on, and pipe2(O_CLOEXEC): GNU extensions
        // Swift's Glibc module does not export.
        .target(name: "CSpawn"),
        // The seam every provider plugs into: the CloudProvider protocol and the registry, and
        // the neutral plumbing of reading exports (walking, size limits, gzip), writing bundles,
        // progress and coverage ledgers.
        .target(name: "ProviderKit", dependencies: ["Model", "CZlib"], swiftSettings: strict),
        // AWS: raw documents per API call, snapshot readers, the live collector (SigV4,
        // credentials, wire decoding), the normalizer into the model.
        .target(
            name: "ProviderAWS",
            dependencies: [
                "Model", "ProviderKit", "SourceText", "HTTP", "ChildProcess", .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // What is done with findings after evaluation: waivers, baselines, and the difference
        // between two scans (new, resolved, still open, changed).
        .target(
            name: "Triage",
            dependencies: ["Findings", "SourceText", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // Every output format and the exit-code decision.
        .target(
            name: "Reporting",
            dependencies: [
                "Model", "Findings", "Triage", "PolicyEngine", "SourceText",
            ],
            swiftSettings: strict
        ),
        // The pipeline: inputs through the provider registry, evaluation, reports, triage, exit code.
        .target(
            name: "Scanning",
            dependencies: ["ProviderKit", "PolicyEngine", "Findings", "Triage", "Reporting", "Model"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "posture",
            dependencies: [
                "Scanning", "ProviderKit", "ProviderAWS", "PolicyEngine", "Reporting", "Triage", "Findings", "Model", "SourceText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Release-mode benchmarks: `make bench`.
        .executableTarget(name: "posture-bench", dependencies: ["PolicyEngine", "Model", "CEL", "Findings", "PostureTesting"], path: "Sources/PostureBenchmark", swiftSettings: strict),
        // Fixtures and helpers shared by the test targets and the benchmark.
        .target(name: "PostureTesting", dependencies: ["Model", "ChildProcess"], swiftSettings: strict),
        // The provider seam end to end, with a provider of the suite's own beside AWS.
        .testTarget(
            name: "ScanningTests",
            dependencies: ["Scanning", "ProviderKit", "ProviderAWS", "PolicyEngine", "Reporting", "Findings", "Model", "CEL", "PostureTesting"],
            exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "TriageTests", dependencies: ["Triage", "Findings", "Model"], swiftSettings: strict),
        .testTarget(name: "SourceTextTests", dependencies: ["SourceText"], swiftSettings: strict),
        .testTarget(name: "CELTests", dependencies: ["CEL"], exclude: ["conformance-skips.txt"], swiftSettings: strict),
        .testTarget(name: "ModelTests", dependencies: ["Model", "CEL", "SourceText", "PostureTesting"], swiftSettings: strict),
        .testTarget(name: "PolicyEngineTests", dependencies: ["PolicyEngine", "CEL", "Model", "Findings", "PostureTesting"], swiftSettings: strict),
        .testTarget(name: "PostureCLITests", dependencies: ["PostureTesting"], exclude: ["Parity"], swiftSettings: strict),
        .testTarget(name: "ProviderAWSTests", dependencies: ["ProviderAWS", "ProviderKit", "Model", "HTTP", "SourceText", "PostureTesting", "ChildProcess"], exclude: ["Wire/Fixtures", "Credentials/Support", "Signing/sigv4-skips.txt"], swiftSettings: strict),
        .testTarget(name: "ChildProcessTests", dependencies: ["ChildProcess"], swiftSettings: strict),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "PostureTesting"], swiftSettings: strict),
        // Live collection against moto_server on loopback (started by .ci/run / make test).
        .testTarget(name: "LiveAWSTests", dependencies: ["ProviderAWS", "ProviderKit", "HTTP", "Model", "PostureTesting"], exclude: ["seed-live-account.py"], swiftSettings: strict),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Triage", "PolicyEngine", "Model", "Findings", "SourceText", "PostureTesting"], swiftSettings: strict),
    ]
)
