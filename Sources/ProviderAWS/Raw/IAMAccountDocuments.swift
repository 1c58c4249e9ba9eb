import Foundation

/// The small account-wide IAM answers, sparse. Members are optional where AWS may omit them.
enum IAMAccountDocuments {
    /// `aws iam get-account-summary`: only the two root facts are read.
    struct Summary: Decodable {
        struct Map: Decodable {
            var AccountMFAEnabled: Int?
            var AccountAccessKeysPresent: Int?
        }

        var SummaryMap: Map?
    }

    /// `aws iam get-account-password-policy`.
    struct PasswordPolicyAnswer: Decodable {
        struct Policy: Decodable {
            var MinimumPasswordLength: Int?
            var RequireSymbols: Bool?
            var RequireNumbers: Bool?
            var RequireUppercaseCharacters: Bool?
            var RequireLowercaseCharacters: Bool?
            var AllowUsersToChangePassword: Bool?
            var ExpirePasswords: Bool?
            var MaxPasswordAge: Int?
            var PasswordReusePrevention: Int?
            var HardExpiry: Bool?
        }

        var PasswordPolicy: Policy?
    }

    /// `aws iam list-virtual-mfa-devices` (all assignment states).
    struct VirtualMFADevices: Decodable {
        struct Device: Decodable {
            struct User: Decodable {
                var Arn: String?
            }

            var SerialNumber: String?
            var User: User?
            var EnableDate: Date?
        }

        var VirtualMFADevices: [Device]?
    }

    /// `aws iam list-server-certificates`.
    struct ServerCertificates: Decodable {
        struct Metadata: Decodable {
            var ServerCertificateName: String?
            var Arn: String?
            var Expiration: Date?
        }

        var ServerCertificateMetadataList: [Metadata]?
    }

    /// `aws sts get-caller-identity`.
    struct CallerIdentity: Decodable {
        var Account: String?
        var Arn: String?
    }
}
