import Foundation

/// Tells which API call a snapshot file answers, and what about (bucket, trail, key, region),
/// from its path first and its content second — so that bundles laid out by other scripts read.
enum FileClassifier {
    struct Classification: Equatable {
        var call: AWSCall
        var subject: String?
        var region: String?
    }

    /// What a file is, beyond single API answers.
    enum Kind: Equatable {
        case call(Classification)
        /// An AWS Config snapshot, history file or configuration item.
        case awsConfig
        case manifest
        case unknown
    }

    private static let servicePrefixes = [
        "s3control-", "s3api-", "s3-", "iam-", "sts-", "cloudtrail-", "configservice-", "config-", "kms-",
        "accessanalyzer-", "access-analyzer-",
    ]

    static func isRegion(_ text: Substring) -> Bool {
        text.range(of: #"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$"#, options: .regularExpression) != nil
    }

    /// Classifies by path: `relative` is the path inside the bundle.
    static func classify(relative: String) -> Kind {
        let components = relative.split(separator: "/")
        guard let fileName = components.last else { return .unknown }
        var base = fileName.lowercased()
        for suffix in [".gz", ".json", ".csv", ".txt"] where base.hasSuffix(suffix) { base.removeLast(suffix.count) }
        if base == "manifest" { return .manifest }
        // Pages saved one file each: "list-buckets-page-2", "list-buckets.2".
        if let page = base.range(of: #"([-_.]page)?[-_.]\d+$"#, options: .regularExpression), !base[..<page.lowerBound].hasSuffix("-") {
            let stripped = String(base[..<page.lowerBound])
            if callName(stripped) != nil { base = stripped }
        }
        let parts = base.components(separatedBy: "--")
        var name = parts[0]
        var qualifiers = Array(parts.dropFirst())
        let folders = components.dropLast().map { $0.lowercased() }
        var isControl = folders.contains("s3control")
        for prefix in servicePrefixes where name.hasPrefix(prefix) {
            if prefix == "s3control-" { isControl = true }
            name.removeFirst(prefix.count)
            break
        }
        if name == "credential-report" { name = AWSCall.getCredentialReport.rawValue }
        guard var call = callName(name) else { return .unknown }
        let region = (qualifiers.first { isRegion(Substring($0)) }).map { String($0) }
            ?? components.dropLast().first(where: isRegion).map(String.init)
        qualifiers.removeAll { isRegion(Substring($0)) }
        // The qualifier keeps its original case (bucket and trail names are case-sensitive).
        var subject: String? = qualifiers.isEmpty ? nil : originalCase(of: qualifiers[0], in: String(fileName))
        if call.subject == .bucket, subject == nil, let index = folders.lastIndex(of: "buckets"), index + 1 < components.count - 1 {
            subject = String(components[index + 1])
        }
        if call == .getPublicAccessBlock, isControl || subject == nil { call = .getAccountPublicAccessBlock; subject = nil }
        return .call(Classification(call: call, subject: subject, region: region))
    }

    private static func callName(_ name: String) -> AWSCall? {
        if let call = AWSCall(rawValue: name), call != .getAccountPublicAccessBlock { return call }
        return nil
    }

    private static func originalCase(of lowered: String, in fileName: String) -> String {
        guard let range = fileName.range(of: lowered, options: [.caseInsensitive, .backwards]) else { return lowered }
        return String(fileName[range])
    }

    /// Classifies by the top-level keys of a JSON object, for files whose name says nothing.
    static func classify(topLevelKeys keys: Set<String>) -> Kind {
        if keys.contains("configurationItems") || keys.contains("configurationItem")
            || (keys.contains("resourceType") && keys.contains("configuration")) { return .awsConfig }
        let byKey: [(String, AWSCall)] = [
            ("UserDetailList", .getAccountAuthorizationDetails), ("RoleDetailList", .getAccountAuthorizationDetails),
            ("GroupDetailList", .getAccountAuthorizationDetails), ("Policies", .getAccountAuthorizationDetails),
            ("SummaryMap", .getAccountSummary), ("PasswordPolicy", .getAccountPasswordPolicy),
            ("VirtualMFADevices", .listVirtualMFADevices), ("ServerCertificateMetadataList", .listServerCertificates),
            ("Buckets", .listBuckets), ("trailList", .describeTrails), ("ConfigurationRecorders", .describeConfigurationRecorders),
            ("ConfigurationRecordersStatus", .describeConfigurationRecorderStatus), ("Keys", .listKeys),
            ("analyzers", .listAnalyzers), ("Account", .getCallerIdentity), ("KeyMetadata", .describeKey),
        ]
        if keys.contains("Content") && keys.contains("ReportFormat") { return .call(Classification(call: .getCredentialReport)) }
        for (key, call) in byKey where keys.contains(key) { return .call(Classification(call: call)) }
        return .unknown
    }

    /// Whether text is an IAM credential report (CSV with its fixed header).
    static func isCredentialReportCSV(_ data: Data) -> Bool {
        data.prefix(64).starts(with: Data("user,arn,user_creation_time".utf8))
    }
}
