import Foundation
import Model
@testable import ProviderAWS
import SourceText
import Testing

/// Cloud Custodian's recorded CloudTrail answers, replayed as bundle documents.
@Suite("CloudTrail corpus", .enabled(if: AuditCorpus.available, "../shared corpus absent"))
struct CloudTrailCorpusTests {
    private func body(_ operation: String, _ file: String) throws -> Data {
        try AuditCorpus.body(AuditCorpus.cloudTrailFile, "cloudtrail.\(operation)", file)
    }

    @Test("all 30 recorded describe-trails answers read: 48 entries, 18 distinct trails in 3 accounts, 2 organization trails")
    func allDescribeTrails() throws {
        let recordings = try AuditCorpus.recordings(AuditCorpus.cloudTrailFile, "cloudtrail.DescribeTrails")
        #expect(recordings.count == 30)
        var snapshot = AuditSnapshot(account: "644160558196")
        for recording in recordings { snapshot.add(.describeTrails, recording.body, region: nil) }
        let inventory = snapshot.normalize()
        #expect(inventory.collectionErrors.isEmpty)
        #expect(inventory.trails.count == 18)
        #expect(Set(inventory.trails.map(\.id)).count == 18)
        #expect(Set(inventory.trails.map(\.account)) == ["123456789012", "619193117841", "644160558196"])
        #expect(inventory.trails.filter(\.organization).map(\.name).sorted() == ["org-trail", "orgTrail"])
        #expect(inventory.trails.filter { $0.encryptionKey != nil }.count == 2)
        // Six trails have a CloudWatch Logs group in some recording; one (tf-trail-3bf19dec…) was
        // first recorded before it had one, and the first copy of an ARN listed without a region is kept.
        #expect(inventory.trails.filter { $0.aws.cloudWatchLogsGroup != nil }.count == 5)
        // Home region, not the ARN's, is the trail's region.
        #expect(inventory.trails.first { $0.id == "arn:aws:cloudtrail:us-east-1:644160558196:trail/skunk-trails" }?.region == "us-east-1")
        #expect(inventory.auditAccount("644160558196")?.coverage == ["cloudtrail"])
    }

    @Test("a trail whose HomeRegion differs from its ARN's region takes the home region")
    func differentHomeRegion() throws {
        var snapshot = AuditSnapshot(account: nil)
        snapshot.add(.describeTrails, try body("DescribeTrails", "test_account_trail_different_region/cloudtrail.DescribeTrails_1.json"), region: nil)
        let trail = try #require(snapshot.normalize().auditTrail("skunk-trails"))
        #expect(trail.region == "us-west-2")
        #expect(trail.account == "644160558196")
        #expect(!trail.allRegions)
        #expect(trail.encryptionKey == "arn:aws:kms:us-east-1:644160558196:key/36812ccf-daaf-49b1-a24b-0eef254ffe41")
    }

    @Test("test_cloudtrail_status: one stopped and one logging trail; placebo datetimes in the status are not needed")
    func statusScenario() throws {
        var snapshot = AuditSnapshot(account: nil)
        snapshot.add(.describeTrails, try body("DescribeTrails", "test_cloudtrail_status/cloudtrail.DescribeTrails_1.json"))
        snapshot.add(.getTrailStatus, try body("GetTrailStatus", "test_cloudtrail_status/cloudtrail.GetTrailStatus_1.json"), subject: "S3-DataEvents")
        snapshot.add(.getTrailStatus, try body("GetTrailStatus", "test_cloudtrail_status/cloudtrail.GetTrailStatus_2.json"), subject: "skunk-trails")
        let inventory = snapshot.normalize()
        #expect(inventory.collectionErrors.isEmpty)
        #expect(inventory.trails.map(\.name) == ["S3-DataEvents", "skunk-trails"])
        #expect(inventory.auditTrail("S3-DataEvents")?.enabled == false)
        #expect(inventory.auditTrail("skunk-trails")?.enabled == true)
        #expect(inventory.trails.allSatisfy { $0.allRegions && $0.integrity && $0.bucket == "custodian-skunk-trails" })
        // Selectors were not recorded: events unknown, so no trail is known to qualify.
        #expect(inventory.auditAccount("644160558196")?.multiRegionTrails == [])
    }

    @Test("test_cloudtrail_event_selectors: selectors matched by the TrailARN inside the answer")
    func selectorScenario() throws {
        var snapshot = AuditSnapshot(account: nil)
        snapshot.add(.describeTrails, try body("DescribeTrails", "test_cloudtrail_event_selectors/cloudtrail.DescribeTrails_1.json"))
        for index in 1...4 {
            let data = try body("GetEventSelectors", "test_cloudtrail_event_selectors/cloudtrail.GetEventSelectors_\(index).json")
            snapshot.raw.documents.append(SnapshotDocument(call: .getEventSelectors, region: "us-east-1", source: "selectors-\(index).json", payload: .json(data)))
        }
        let inventory = snapshot.normalize()
        #expect(inventory.collectionErrors.isEmpty)
        #expect(inventory.trails.count == 4)
        let full = TrailEvents(managementRead: true, managementWrite: true, dataRead: false, dataWrite: false)
        #expect(inventory.trails.allSatisfy { $0.events == full })
        #expect(inventory.auditTrail("MultiRegion2CloudTrail")?.region == "us-east-2")
        #expect(inventory.auditTrail("SingleCloudTrail")?.allRegions == false)
        #expect(inventory.auditTrail("orgTrail")?.account == "644160558196")
        // The default account comes from the first ARN in describe-trails.
        #expect(inventory.auditAccount("123456789012")?.regions == ["us-east-1", "us-east-2"])
    }

    @Test("test_s3_data_events: the data-events trail records writes for one bucket only")
    func dataEventsScenario() throws {
        var snapshot = AuditSnapshot(account: nil)
        snapshot.add(.describeTrails, try body("DescribeTrails", "test_s3_data_events/cloudtrail.DescribeTrails_1.json"))
        snapshot.add(.getEventSelectors, try body("GetEventSelectors", "test_s3_data_events/cloudtrail.GetEventSelectors_1.json"), subject: "aws-controltower-BaselineCloudTrail")
        snapshot.add(.getEventSelectors, try body("GetEventSelectors", "test_s3_data_events/cloudtrail.GetEventSelectors_2.json"), subject: "data-events")
        let inventory = snapshot.normalize()
        #expect(inventory.auditTrail("data-events")?.events == TrailEvents(managementRead: false, managementWrite: false, dataRead: false, dataWrite: false))
        #expect(inventory.auditTrail("aws-controltower-BaselineCloudTrail")?.events?.managementWrite == true)
        #expect(inventory.auditTrail("aws-controltower-BaselineCloudTrail")?.aws.cloudWatchLogsGroup == "arn:aws:logs:us-east-1:644160558196:log-group:aws-controltower/CloudTrailLogs:*")
    }

    @Test("all 19 recorded get-trail-status answers read: 15 logging, 4 stopped")
    func allStatuses() throws {
        let recordings = try AuditCorpus.recordings(AuditCorpus.cloudTrailFile, "cloudtrail.GetTrailStatus")
        #expect(recordings.count == 19)
        let logging = try recordings.map { try JSONText.decoder.decode(CloudTrailTrailStatus.self, from: $0.body).isLogging }
        #expect(logging.filter { $0 == true }.count == 15)
        #expect(logging.filter { $0 == false }.count == 4)
    }
}
