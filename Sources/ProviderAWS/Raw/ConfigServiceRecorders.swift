/// `aws configservice describe-configuration-recorders` output for one region.
struct ConfigServiceRecorders: Codable, Sendable {
    var configurationRecorders: [ConfigServiceRecorder]?

    enum CodingKeys: String, CodingKey { case configurationRecorders = "ConfigurationRecorders" }
}

/// One configuration recorder (AWS Config's members are camelCase).
struct ConfigServiceRecorder: Codable, Sendable {
    /// Present on newer (service-linked) recorders.
    var arn: String?
    var name: String?
    var roleARN: String?
    var recordingGroup: ConfigServiceRecordingGroup?
}

/// What a recorder records.
struct ConfigServiceRecordingGroup: Codable, Sendable {
    var allSupported: Bool?
    var includeGlobalResourceTypes: Bool?
    var resourceTypes: [String]?
    var recordingStrategy: Strategy?

    struct Strategy: Codable, Sendable {
        /// `ALL_SUPPORTED_RESOURCE_TYPES`, `INCLUSION_BY_RESOURCE_TYPES`, `EXCLUSION_BY_RESOURCE_TYPES`.
        var useOnly: String?
    }

    /// Records every supported type: `allSupported`, or the newer recording strategy saying so.
    var recordsAllSupported: Bool {
        allSupported == true || recordingStrategy?.useOnly == "ALL_SUPPORTED_RESOURCE_TYPES"
    }
}
