/// `aws accessanalyzer list-analyzers` output for one region (camelCase members).
struct AccessAnalyzerList: Codable, Sendable {
    var analyzers: [Analyzer]?

    struct Analyzer: Codable, Sendable {
        var arn: String?
        var name: String?
        /// `ACCOUNT`, `ORGANIZATION`, `ACCOUNT_UNUSED_ACCESS`, ….
        var type: String?
        /// `ACTIVE`, `CREATING`, `DISABLED`, `FAILED`.
        var status: String?
    }
}
