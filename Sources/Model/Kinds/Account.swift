import Foundation

/// One scanned account (AWS account, GCP project, Azure subscription) and its account-wide
/// settings. Its `coverage` says which data sets the input held for it.
public struct Account: Resource {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    public static let kind = ResourceKind.account

    /// provider-unique id: the ARN where one exists
    public var id: String
    /// display name
    public var name: String
    /// the cloud
    public var provider: ProviderID
    /// account, project or subscription id
    public var account: String
    /// region, for regional resources
    public var region: String?
    /// where the data came from
    public var source: ResourceSource

    /// root user MFA
    /// The account owner's sign-in (AWS's root user): `unknown` is not `disabled`.
    public var rootMFA: MFAStatus = .unknown
    /// absent when none is set
    /// The password policy for the account's own users; absent when the account has none, or
    /// the input did not hold it (see `coverage`).
    public var passwordPolicy: PasswordPolicy?
    /// regions known to the scan
    /// Enabled regions for a live scan, the regions of the answers for a snapshot.
    public var regions: [String]
    /// multi-region trails logging management read+write; absent without audit-trail data
    /// Derived: names of trails that record every region, are logging, and record management
    /// read and write events (CIS' "multi-region trail").
    public var multiRegionTrails: [String]?
    /// data sets the input held
    /// The data sets the input held for this account (`iam`, `s3`, …), the failed ones removed.
    public var coverage: [String]
    /// tags
    public var tags: [String: String]
    /// account-level settings the input held
    public var collected: [String]
    /// Provider sections (`account.aws`).
    public var sections: ResourceSections
}

/// MFA state. `unknown` is not `disabled`: the input did not say.
public enum MFAStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case enabled, disabled, unknown
}

/// An account's password rules for its own users.
public struct PasswordPolicy: Record {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    /// minimum password length
    public var minimumLength: Int
    /// requires an uppercase letter
    public var requireUppercase: Bool = false
    /// requires a lowercase letter
    public var requireLowercase: Bool = false
    /// requires a digit
    public var requireNumbers: Bool = false
    /// requires a symbol
    public var requireSymbols: Bool = false
    /// password expiry in days
    /// Absent when passwords do not expire.
    public var maxAgeDays: Int?
    /// previous passwords remembered
    /// Absent when reuse is not prevented.
    public var reusePrevention: Int?
    /// users may change their own password
    public var allowUsersToChange: Bool = false
    /// expired passwords need an administrator reset
    public var hardExpiry: Bool = false
}
