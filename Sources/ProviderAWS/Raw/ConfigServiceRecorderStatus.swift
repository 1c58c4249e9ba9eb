/// `aws configservice describe-configuration-recorder-status` output for one region.
struct ConfigServiceRecorderStatusList: Codable, Sendable {
    var configurationRecordersStatus: [ConfigServiceRecorderStatus]?

    enum CodingKeys: String, CodingKey { case configurationRecordersStatus = "ConfigurationRecordersStatus" }
}

/// One recorder's status; only the name and whether it records are read (the dates are not
/// needed, and recordings carry them in odd shapes).
struct ConfigServiceRecorderStatus: Codable, Sendable {
    var name: String?
    var recording: Bool?
    /// `SUCCESS`, `FAILURE`, `PENDING`.
    var lastStatus: String?
}
