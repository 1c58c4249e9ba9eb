import Foundation
import Model
import Testing
@testable import ProviderAWS

/// Credential reports: the three real CSVs of the corpus, and malformed ones.
@Suite("IAM credential report")
struct CredentialReportTests {
    static let rootKey = IAMTest.credentialReport("c7n-credential-report-619193117841-2016-root-key-active.csv")
    static let report2017 = IAMTest.credentialReport("c7n-credential-report-644160558196-2017.csv")
    static let edgeCases = IAMTest.credentialReport("c7n-credential-report-644160558196-2021-edgecases.csv")

    @Test("2016 report: root with an active key and no MFA; users with never-used keys",
          .enabled(if: rootKey != nil, "shared corpus absent"))
    func rootKeyActive() throws {
        let inventory = IAMTest.scan(Self.rootKey)
        #expect(inventory.collectionErrors.isEmpty, "\(inventory.collectionErrors)")
        let account = try #require(IAMTest.account(inventory, "619193117841"))
        #expect(account.coverage == ["credential-report"])
        #expect(account.aws.rootAccessKeys == 1)
        #expect(account.rootMFA == .disabled)
        #expect(account.aws.rootPasswordEnabled == nil) // not_supported
        #expect(account.aws.rootLastUsed == IAMTest.date("2016-11-25T14:19:48Z"))
        #expect(account.aws.rootHardwareMFA == nil)
        let root = try #require(inventory.identities.first { $0.kind == .root })
        #expect(root.name == "<root_account>" && root.id == "arn:aws:iam::619193117841:root")
        #expect(root.mfa == .disabled)
        // Key 2 is inactive but exists (it has a rotation date); key 1 is active and was used.
        #expect(root.accessKeys == [
            AccessKey(id: "key1", active: true, created: IAMTest.date("2011-08-19T05:12:23Z"),
                      lastUsed: IAMTest.date("2015-07-04T15:09:00Z"), lastUsedService: "s3"),
            AccessKey(id: "key2", active: false, created: IAMTest.date("2007-10-13T16:49:50Z")),
        ])
        let users = inventory.identities.filter { $0.kind == .user }
        #expect(users.map(\.name) == ["charmworld", "Hazmat", "kaleb", "kapilt", "rome", "syracuse", "tyre"])
        #expect(users.allSatisfy { $0.mfa == .disabled && $0.accessKeys.count == 1 && $0.accessKeys[0].active })
        let kaleb = try #require(IAMTest.identity(inventory, "kaleb"))
        #expect(kaleb.consoleAccess == true)
        #expect(kaleb.lastConsoleLogin == nil) // no_information
        #expect(kaleb.accessKeys.first?.lastUsed == nil)
        #expect(IAMTest.identity(inventory, "rome")?.accessKeys.first?.lastUsedService == "iam")
        #expect(IAMTest.identity(inventory, "tyre")?.lastActivity == IAMTest.date("2016-11-25T09:33:00Z"))
        #expect(IAMTest.identity(inventory, "Hazmat")?.aws.path == "/")
    }

    @Test("2017 report: the duplicate christopher row is read once, from the later row",
          .enabled(if: report2017 != nil, "shared corpus absent"))
    func duplicateRow() throws {
        let inventory = IAMTest.scan(Self.report2017)
        #expect(inventory.collectionErrors.isEmpty)
        // 20 user rows, one of them repeated.
        #expect(inventory.identities.filter { $0.kind == .user }.count == 19)
        #expect(inventory.identities.filter { $0.kind == .root }.count == 1)
        let christopher = try #require(IAMTest.identity(inventory, "christopher"))
        #expect(christopher.lastConsoleLogin == IAMTest.date("2016-11-21T14:42:22Z"))
        #expect(christopher.accessKeys.map(\.active) == [true])
        #expect(christopher.accessKeys.first?.lastUsedService == "redshift")
        #expect(IAMTest.identity(inventory, "anthony")?.mfa == .enabled)
        #expect(IAMTest.identity(inventory, "andrew")?.mfa == .disabled)
        #expect(IAMTest.identity(inventory, "kit")?.accessKeys.filter(\.active).count == 2)
        #expect(IAMTest.identity(inventory, "c7n-test")?.accessKeys.isEmpty == true)
        let account = try #require(IAMTest.account(inventory, "644160558196"))
        #expect(account.rootMFA == .enabled && account.aws.rootAccessKeys == 0)
        #expect(account.aws.rootLastUsed == IAMTest.date("2016-10-06T15:47:11Z"))
    }

    @Test("2021 edge cases: no_information root use, an inactive key with a date, a key from 2099",
          .enabled(if: edgeCases != nil, "shared corpus absent"))
    func edgeCaseReport() throws {
        let inventory = IAMTest.scan(Self.edgeCases)
        let account = try #require(IAMTest.account(inventory, "644160558196"))
        #expect(account.aws.rootLastUsed == nil)
        #expect(account.aws.rootAccessKeys == 0)
        let test1 = try #require(IAMTest.identity(inventory, "test1"))
        #expect(test1.accessKeys == [
            AccessKey(id: "key1", active: false, created: IAMTest.date("2020-02-03T09:50:07Z")),
            AccessKey(id: "key2", active: true, created: IAMTest.date("2099-02-03T09:50:21Z")),
        ])
        #expect(test1.consoleAccess == false && test1.lastActivity == nil)
    }

    @Test("a report in the CLI's JSON shape (base64 Content) reads like the CSV")
    func base64Answer() throws {
        let csv = "user,arn,user_creation_time,password_enabled,mfa_active,access_key_1_active,access_key_1_last_rotated\n"
            + "<root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,true,false,N/A\n"
            + "ana,arn:aws:iam::111122223333:user/ops/ana,2020-01-02T00:00:00+00:00,true,false,true,2020-01-03T00:00:00+00:00\n"
        let json = #"{"Content": "\#(Data(csv.utf8).base64EncodedString())", "ReportFormat": "text/csv"}"#
        let inventory = try IAMTest.scan(files: ["iam/get-credential-report.json": json])
        #expect(inventory.collectionErrors.isEmpty)
        let ana = try #require(IAMTest.identity(inventory, "ana"))
        #expect(ana.aws.path == "/ops/" && ana.consoleAccess == true && ana.mfa == .disabled)
        #expect(ana.accessKeys.map(\.id) == ["key1"])
        #expect(IAMTest.account(inventory, "111122223333")?.rootMFA == .enabled)
    }

    @Test("a report that is not base64, not a report, or an error answer is a collection error and not covered")
    func badReports() throws {
        let cases = [
            #"{"Content": "%%% not base64 %%%"}"#,
            #"{"Content": "\#(Data("name,value\na,b\n".utf8).base64EncodedString())"}"#,
            #"{"Content": 5}"#,
            #"{"Content": "user,arn\nbob,"#,
            #"{"Error": {"Code": "ReportNotPresent", "Message": "Credential report not present"}}"#,
        ]
        for json in cases {
            let inventory = try IAMTest.scan(files: [
                "iam/get-credential-report.json": json,
                "sts/get-caller-identity.json": #"{"Account": "111122223333", "Arn": "arn:aws:iam::111122223333:user/x"}"#,
            ])
            #expect(inventory.collectionErrors.count == 1, "\(json)")
            #expect(inventory.collectionErrors.first?.dataSet == "credential-report")
            #expect(inventory.collectionErrors.first?.source.contains("get-credential-report.json") == true)
            #expect(IAMTest.account(inventory, "111122223333")?.coverage.contains("credential-report") == false, "\(json)")
            #expect(inventory.identities.isEmpty)
        }
    }

    @Test("CSV quirks: quoted fields, a short row, blank lines")
    func csvQuirks() throws {
        let csv = "user,arn,user_creation_time,password_enabled,mfa_active\n\n"
            + "\"a,b\",arn:aws:iam::111122223333:user/ab,2020-01-02T00:00:00+00:00,false,false\n"
            + "c,arn:aws:iam::111122223333:user/c\n"
        let rows = try CredentialReport.parse(csv: csv)
        #expect(rows.map(\.user) == ["a,b", "c"])
        #expect(rows[1]["mfa_active"] == .missing)
        #expect(rows[0]["password_enabled"].bool == false)
    }
}
