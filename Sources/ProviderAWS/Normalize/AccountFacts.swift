import Foundation
import Model

/// What the domain normalizers learn about one account, merged into its `Account` resource.
/// Every field stays nil (unknown) unless some input said.
struct AccountFacts {
    var rootMFA: MFAStatus?
    var rootHardwareMFA: Bool?
    var rootAccessKeys: Int?
    var rootLastUsed: Date?
    var rootPasswordEnabled: Bool?
    var passwordPolicy: PasswordPolicy?
    var publicAccessBlock: PublicAccessBlockSettings?
    var regions: Set<String> = []
    var configRecorders: [ConfigRecorder] = []
    var accessAnalyzers: [AccessAnalyzer] = []
    var serverCertificates: [ServerCertificate] = []
    var supportAccess: [String] = []
    var multiRegionTrails: [String]?
    /// Data sets present for the account (and not failed).
    var coverage: Set<String> = []
    /// Where the account's facts came from, for the account resource's `source`.
    var source: String?
}
