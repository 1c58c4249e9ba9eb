import Foundation
import Model
import Testing
@testable import ProviderAWS

/// Timing on a large authorization-details file, run only when `POSTURE_IAM_LARGE` names one
/// (no such export is public; build one by multiplying the iam-vulnerable export's users and
/// roles and adding the corpus' AWS-managed policies with four versions each).
@Suite("IAM large export")
struct IAMLargeExportTests {
    static let path = ProcessInfo.processInfo.environment["POSTURE_IAM_LARGE"]

    @Test("a large authorization-details file reads, and the time is printed",
          .enabled(if: path != nil, "set POSTURE_IAM_LARGE to a large get-account-authorization-details.json"))
    func largeExport() throws {
        let path = try #require(Self.path)
        let start = Date()
        let snapshot = BundleReader().read(path)
        let read = Date()
        let inventory = AWSNormalizer.normalize(snapshot)
        let done = Date()
        let users = inventory.identities.filter { $0.kind == .user }.count
        let roles = inventory.identities.filter { $0.kind == .role }.count
        print("IAM large export: read \(read.timeIntervalSince(start)) s, normalized \(done.timeIntervalSince(read)) s,"
              + " \(users) users, \(roles) roles, \(inventory.collectionErrors.count) errors")
        #expect(users + roles > 0)
        #expect(inventory.collectionErrors.allSatisfy { $0.code == "PolicyDocumentNotExported" })
    }
}
