/// Where each call's answer lives in a snapshot bundle (the layout of `snapshots/README.md`,
/// the same the export script writes). The collector files its answers through this layout
/// and reads their classification back through `FileClassifier`, so a live document and the
/// file `posture snapshot` writes for it are the same document.
enum BundleLayout {
    /// The bundle-relative path of a call's answer; nil when the subject cannot be one path
    /// component (the collector then records why, never drops it silently).
    static func path(_ call: AWSCall, subject: String? = nil, region: String? = nil) -> String? {
        if let subject, !isSafeComponent(subject) { return nil }
        let file = call.rawValue
        switch call {
        case .getCallerIdentity: return "sts/\(file).json"
        case .getAccountAuthorizationDetails, .getCredentialReport, .getAccountSummary, .getAccountPasswordPolicy,
             .listVirtualMFADevices, .listServerCertificates:
            return "iam/\(file).json"
        case .listBuckets: return "s3/\(file).json"
        case .getAccountPublicAccessBlock: return "s3control/get-public-access-block.json"
        case .getBucketLocation, .getBucketEncryption, .getPublicAccessBlock, .getBucketPolicy, .getBucketPolicyStatus,
             .getBucketAcl, .getBucketLogging, .getBucketVersioning, .getBucketTagging:
            guard let subject else { return nil }
            return "s3/buckets/\(subject)/\(file).json"
        case .describeTrails, .getTrailStatus, .getEventSelectors:
            return regional("cloudtrail", file, subject, region)
        case .describeConfigurationRecorders, .describeConfigurationRecorderStatus:
            return regional("configservice", file, subject, region)
        case .listKeys, .describeKey, .getKeyRotationStatus:
            return regional("kms", file, subject, region)
        case .listAnalyzers:
            return regional("accessanalyzer", file, subject, region)
        }
    }

    private static func regional(_ folder: String, _ file: String, _ subject: String?, _ region: String?) -> String? {
        // Trail names and key ids cannot hold "--" (AWS forbids adjacent dashes in trail names;
        // key ids are UUIDs), so it can separate them from the call's name.
        guard let region, isSafeComponent(region), !(subject?.contains("--") ?? false) else { return nil }
        return "\(folder)/\(region)/\(file)\(subject.map { "--\($0)" } ?? "").json"
    }

    /// Bucket names, trail names and key ids are used as path components as they are; the few
    /// that could not be (a `/`, `..`) are refused rather than rewritten.
    static func isSafeComponent(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".."
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._:-".unicodeScalars.contains($0)) }
    }
}
