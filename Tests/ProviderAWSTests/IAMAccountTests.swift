import Foundation
import Model
import Testing
@testable import ProviderAWS

/// Account-wide IAM answers: summary, password policy, virtual MFA devices, server
/// certificates, caller identity.
@Suite("IAM account facts")
struct IAMAccountTests {
    static let acct = "111122223333"
    static let caller = #"{"UserId": "AIDA", "Account": "111122223333", "Arn": "arn:aws:iam::111122223333:user/scanner"}"#
    static let report = "user,arn,user_creation_time,password_enabled,password_last_used,mfa_active,access_key_1_active\n"
        + "<root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,no_information,true,false\n"
        + "ana,arn:aws:iam::111122223333:user/ana,2020-01-02T00:00:00+00:00,true,2024-01-01T00:00:00+00:00,false,false\n"

    @Test("no password policy (NoSuchEntity) is data: covered, and the policy is absent")
    func noPasswordPolicy() throws {
        let inventory = try IAMTest.scan(files: [
            "sts/get-caller-identity.json": Self.caller,
            "iam/get-account-password-policy.json": #"{"Error": {"Code": "NoSuchEntity", "Message": "The Password Policy with domain name 111122223333 cannot be found."}}"#,
        ])
        #expect(inventory.collectionErrors.isEmpty)
        let account = try #require(IAMTest.account(inventory, Self.acct))
        #expect(account.coverage == ["password-policy"])
        #expect(account.passwordPolicy == nil)
    }

    @Test("a password policy is read; AccessDenied is a collection error and leaves it uncovered")
    func passwordPolicy() throws {
        let policy = #"{"PasswordPolicy": {"MinimumPasswordLength": 14, "RequireSymbols": true, "RequireNumbers": true, "RequireUppercaseCharacters": false, "RequireLowercaseCharacters": true, "AllowUsersToChangePassword": true, "ExpirePasswords": true, "MaxPasswordAge": 90, "PasswordReusePrevention": 24}}"#
        var inventory = try IAMTest.scan(files: ["sts/get-caller-identity.json": Self.caller, "iam/get-account-password-policy.json": policy])
        #expect(IAMTest.account(inventory, Self.acct)?.passwordPolicy == PasswordPolicy(
            minimumLength: 14, requireUppercase: false, requireLowercase: true, requireNumbers: true, requireSymbols: true,
            maxAgeDays: 90, reusePrevention: 24, allowUsersToChange: true, hardExpiry: false))

        inventory = try IAMTest.scan(files: [
            "sts/get-caller-identity.json": Self.caller,
            "iam/get-account-password-policy.json": "An error occurred (AccessDenied) when calling the GetAccountPasswordPolicy operation: no",
        ])
        #expect(inventory.collectionErrors.map(\.code) == ["AccessDenied"])
        #expect(inventory.collectionErrors.first?.dataSet == "password-policy")
        #expect(IAMTest.account(inventory, Self.acct)?.coverage == [])

        inventory = try IAMTest.scan(files: [
            "sts/get-caller-identity.json": Self.caller,
            "iam/get-account-password-policy.json": #"{"PasswordPolicy": {"MinimumPasswordLength": "fourteen"}}"#,
        ])
        #expect(inventory.collectionErrors.first?.message.contains("$.PasswordPolicy.MinimumPasswordLength") == true)
        #expect(IAMTest.account(inventory, Self.acct)?.coverage == [])
    }

    @Test("root's virtual MFA device: not hardware; users' devices enable their MFA")
    func virtualRootDevice() throws {
        let devices = #"""
        {"VirtualMFADevices": [
          {"SerialNumber": "arn:aws:iam::111122223333:mfa/root-account-mfa-device", "User": {"Arn": "arn:aws:iam::111122223333:root"}, "EnableDate": "2021-01-01T00:00:00Z"},
          {"SerialNumber": "arn:aws:iam::111122223333:mfa/ana", "User": {"Arn": "arn:aws:iam::111122223333:user/ana", "UserName": "ana"}, "EnableDate": "2022-02-02T00:00:00Z"},
          {"SerialNumber": "arn:aws:iam::111122223333:mfa/spare"}]}
        """#
        let inventory = try IAMTest.scan(files: [
            "sts/get-caller-identity.json": Self.caller, "iam/list-virtual-mfa-devices.json": devices, "iam/credential-report.csv": Self.report,
        ])
        #expect(inventory.collectionErrors.isEmpty, "\(inventory.collectionErrors)")
        let account = try #require(IAMTest.account(inventory, Self.acct))
        #expect(account.aws.rootHardwareMFA == false)
        #expect(account.rootMFA == .enabled)
        #expect(account.coverage == ["credential-report", "mfa-devices"])
        let ana = try #require(IAMTest.identity(inventory, "ana"))
        // The report said false, but a device is assigned: enabled.
        #expect(ana.mfa == .enabled)
        #expect(ana.mfaDevices == [MFADevice(serial: "arn:aws:iam::111122223333:mfa/ana", kind: .virtual, enabled: IAMTest.date("2022-02-02T00:00:00Z"))])
        #expect(inventory.identities.first { $0.kind == .root }?.mfaDevices.count == 1)
    }

    @Test("root MFA on (summary) with no virtual device for root: a hardware device")
    func hardwareRootDevice() throws {
        let summary = #"{"SummaryMap": {"AccountMFAEnabled": 1, "AccountAccessKeysPresent": 0, "Users": 3}}"#
        let inventory = try IAMTest.scan(files: [
            "sts/get-caller-identity.json": Self.caller, "iam/get-account-summary.json": summary,
            "iam/list-virtual-mfa-devices.json": #"{"VirtualMFADevices": []}"#,
        ])
        let account = try #require(IAMTest.account(inventory, Self.acct))
        #expect(account.aws.rootHardwareMFA == true)
        #expect(account.rootMFA == .enabled)
        #expect(account.aws.rootAccessKeys == 0)
        #expect(account.coverage == ["account-summary", "mfa-devices"])
    }

    @Test("the summary's root MFA wins over the report's; without a report, MFA stays unknown")
    func summaryPrecedence() throws {
        var inventory = try IAMTest.scan(files: [
            "sts/get-caller-identity.json": Self.caller, "iam/credential-report.csv": Self.report,
            "iam/get-account-summary.json": #"{"SummaryMap": {"AccountMFAEnabled": 0, "AccountAccessKeysPresent": 1}}"#,
        ])
        var account = try #require(IAMTest.account(inventory, Self.acct))
        #expect(account.rootMFA == .disabled)
        #expect(account.aws.rootAccessKeys == 0) // the report counts active keys: none
        inventory = try IAMTest.scan(files: ["sts/get-caller-identity.json": Self.caller])
        account = try #require(IAMTest.account(inventory, Self.acct))
        #expect(account.rootMFA == .unknown && account.aws.rootAccessKeys == nil && account.coverage == [])
    }

    @Test("server certificates go to the account their ARN names")
    func serverCertificates() throws {
        let certificates = #"{"ServerCertificateMetadataList": [{"Path": "/", "ServerCertificateName": "old", "ServerCertificateId": "ASCA", "Arn": "arn:aws:iam::111122223333:server-certificate/old", "UploadDate": "2015-01-01T00:00:00Z", "Expiration": "2016-01-01T00:00:00Z"}]}"#
        let inventory = try IAMTest.scan(files: ["sts/get-caller-identity.json": Self.caller, "iam/list-server-certificates.json": certificates])
        let account = try #require(IAMTest.account(inventory, Self.acct))
        #expect(account.aws.serverCertificates == [ServerCertificate(
            name: "old", arn: "arn:aws:iam::111122223333:server-certificate/old", expiration: IAMTest.date("2016-01-01T00:00:00Z"))])
        #expect(account.coverage == ["server-certificates"])
    }
}
