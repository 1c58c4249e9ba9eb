import Foundation
import Model
import PostureTesting
import Testing
@testable import ProviderAWS

@Suite("CloudTrail trails")
struct CloudTrailNormalizerTests {
    static let trailJSON = #"""
    {"trailList": [{"Name": "main", "TrailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main", "HomeRegion": "us-east-1",
      "IsMultiRegionTrail": true, "IsOrganizationTrail": false, "LogFileValidationEnabled": true, "S3BucketName": "trail-logs",
      "KmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/k1", "CloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:111122223333:log-group:ct:*"}]}
    """#
    static let allManagement = #"{"EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": true, "DataResources": []}]}"#

    @Test("a shadow copy in another region is dropped: one trail per ARN, from its home region")
    func shadowTrails() {
        var snapshot = AuditSnapshot()
        snapshot.add(.describeTrails, Self.trailJSON, region: "eu-west-1")
        snapshot.add(.describeTrails, Self.trailJSON, region: "us-east-1")
        snapshot.add(.describeTrails, #"{"trailList": []}"#, region: "ap-south-1")
        let inventory = snapshot.normalize()
        #expect(inventory.trails.count == 1)
        let trail = inventory.trails.first
        #expect(trail?.source.location == "cloudtrail/us-east-1/describe-trails.json")
        #expect(trail?.id == "arn:aws:cloudtrail:us-east-1:111122223333:trail/main")
        #expect(trail?.region == "us-east-1")
        #expect(trail?.encryptionKey == "arn:aws:kms:us-east-1:111122223333:key/k1")
        #expect(trail?.aws.cloudWatchLogsGroup == "arn:aws:logs:us-east-1:111122223333:log-group:ct:*")
        #expect(trail?.integrity == true)
        let account = inventory.auditAccount("111122223333")
        #expect(account?.regions == ["ap-south-1", "eu-west-1", "us-east-1"])
        #expect(account?.coverage == ["cloudtrail"])
        #expect(inventory.collectionErrors.isEmpty)
    }

    @Test("status and selectors join by trail name or ARN; a qualifying trail is listed in multiRegionTrails")
    func joinsAndMultiRegionFact() {
        var snapshot = AuditSnapshot()
        snapshot.add(.describeTrails, Self.trailJSON)
        snapshot.add(.getTrailStatus, #"{"IsLogging": true, "LatestDeliveryAttemptTime": ""}"#, subject: "main")
        // No subject in the file name: the answer's TrailARN names the trail.
        snapshot.raw.documents.append(SnapshotDocument(
            call: .getEventSelectors, subject: nil, region: "us-east-1", source: "x.json",
            payload: .json(Data(#"{"TrailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main", "EventSelectors": [{"ReadWriteType": "All"}]}"#.utf8))))
        let inventory = snapshot.normalize()
        let trail = inventory.auditTrail("main")
        #expect(trail?.enabled == true)
        #expect(trail?.events == TrailEvents(managementRead: true, managementWrite: true, dataRead: false, dataWrite: false))
        #expect(inventory.auditAccount("111122223333")?.multiRegionTrails == ["main"])
    }

    @Test("a stopped or read-only trail is not in multiRegionTrails, which is empty rather than absent")
    func multiRegionFactEmpty() {
        var snapshot = AuditSnapshot()
        snapshot.add(.describeTrails, Self.trailJSON)
        snapshot.add(.getTrailStatus, #"{"IsLogging": false}"#, subject: "arn:aws:cloudtrail:us-east-1:111122223333:trail/main")
        snapshot.add(.getEventSelectors, Self.allManagement, subject: "main")
        let inventory = snapshot.normalize()
        #expect(inventory.auditTrail("main")?.enabled == false)
        #expect(inventory.auditAccount("111122223333")?.multiRegionTrails == [])
    }

    @Test("without CloudTrail data the account has no multiRegionTrails and no cloudtrail coverage")
    func noCloudTrailData() {
        var snapshot = AuditSnapshot()
        snapshot.add(.listAnalyzers, #"{"analyzers": []}"#)
        let account = snapshot.normalize().auditAccount("111122223333")
        #expect(account?.multiRegionTrails == nil)
        #expect(account?.coverage == ["access-analyzer"])
    }

    @Test("an organization trail owned by another account counts for the account that lists it")
    func organizationTrail() {
        var snapshot = AuditSnapshot()
        snapshot.add(.describeTrails, #"{"trailList": [{"Name": "org", "TrailARN": "arn:aws:cloudtrail:us-east-1:999988887777:trail/org", "HomeRegion": "us-east-1", "IsMultiRegionTrail": true, "IsOrganizationTrail": true}]}"#)
        snapshot.add(.getTrailStatus, #"{"IsLogging": true}"#, subject: "org")
        snapshot.add(.getEventSelectors, Self.allManagement, subject: "org")
        let inventory = snapshot.normalize()
        #expect(inventory.auditTrail("org")?.account == "999988887777")
        #expect(inventory.auditTrail("org")?.organization == true)
        #expect(inventory.auditAccount("111122223333")?.multiRegionTrails == ["org"])
        #expect(inventory.auditAccount("999988887777")?.multiRegionTrails == ["org"])
    }

    @Test("bucketAccessLogging comes from the log bucket when it is in the input, else stays unknown")
    func bucketAccessLogging() {
        var snapshot = AuditSnapshot()
        snapshot.add(.describeTrails, #"{"trailList": [{"Name": "a", "TrailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/a", "S3BucketName": "logged"}, {"Name": "b", "TrailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/b", "S3BucketName": "unlogged"}, {"Name": "c", "TrailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/c", "S3BucketName": "elsewhere"}]}"#)
        var context = NormalizationContext(snapshot: snapshot.raw)
        context.defaultAccount = "111122223333"
        let source = ResourceSource(kind: .file, location: "s3")
        let buckets = [
            Bucket(id: "arn:aws:s3:::logged", name: "logged", provider: .aws, account: "111122223333", source: source, logging: BucketLogging(enabled: true)),
            Bucket(id: "arn:aws:s3:::unlogged", name: "unlogged", provider: .aws, account: "111122223333", source: source, logging: BucketLogging(enabled: false)),
        ]
        let trails = AuditNormalizer.normalize(&context, buckets: buckets).trails
        #expect(trails.map(\.bucketAccessLogging) == [true, false, nil])
        #expect(trails.map(\.bucket) == ["logged", "unlogged", "elsewhere"])
    }

    @Test("truncated JSON and wrong types are collection errors with file and path; cloudtrail is then not covered")
    func badDescribeTrails() {
        for (body, fragment) in [(#"{"trailList": [{"Name": "x""#, "describe-trails"), (#"{"trailList": 5}"#, "$.trailList"),
                                 (#"{"trailList": [{"Name": "x", "IsMultiRegionTrail": "yes"}]}"#, "$.trailList[0].IsMultiRegionTrail")] {
            var snapshot = AuditSnapshot()
            snapshot.add(.describeTrails, body)
            let inventory = snapshot.normalize()
            #expect(inventory.trails.isEmpty)
            #expect(inventory.collectionErrors.contains { ($0.source + $0.message).contains(fragment) && $0.dataSet == "cloudtrail" }, "\(body)")
            #expect(inventory.auditAccount("111122223333")?.coverage.contains("cloudtrail") == false)
        }
    }

    @Test("AccessDenied on get-trail-status is an error; TrailNotFoundException is data")
    func statusErrors() {
        var denied = AuditSnapshot()
        denied.add(.describeTrails, Self.trailJSON)
        denied.add(.getTrailStatus, #"{"Error": {"Code": "AccessDeniedException", "Message": "no"}}"#, subject: "main")
        let deniedInventory = denied.normalize()
        #expect(deniedInventory.collectionErrors.map(\.code) == ["AccessDeniedException"])
        #expect(deniedInventory.auditTrail("main")?.enabled == nil)
        #expect(deniedInventory.auditAccount("111122223333")?.coverage == [])

        var gone = AuditSnapshot()
        gone.add(.describeTrails, Self.trailJSON)
        gone.add(.getTrailStatus, "An error occurred (TrailNotFoundException) when calling the GetTrailStatus operation: gone", subject: "main")
        let goneInventory = gone.normalize()
        #expect(goneInventory.collectionErrors.isEmpty)
        #expect(goneInventory.auditAccount("111122223333")?.coverage == ["cloudtrail"])
    }

    @Test("an empty trail file is a problem that names its call and withholds cloudtrail coverage")
    func emptyFile() throws {
        let folder = try ScratchFolder("posture-audit")
        try folder.write("manifest.json", #"{"account": "111122223333"}"#)
        try folder.write("cloudtrail/us-east-1/describe-trails.json", Self.trailJSON)
        try folder.write("cloudtrail/us-east-1/get-trail-status--main.json", "")
        let inventory = AWSNormalizer.normalize(BundleReader().read(folder.path()))
        #expect(inventory.trails.count == 1)
        #expect(inventory.collectionErrors.contains { $0.source.hasSuffix("get-trail-status--main.json") && $0.dataSet == "cloudtrail" })
        #expect(inventory.auditAccount("111122223333")?.coverage.contains("cloudtrail") == false)
    }

    @Test("CloudMapper's demo describe-trails: one organization trail, single-region, validated",
          .enabled(if: AuditCorpus.available, "../shared corpus absent"))
    func cloudMapperDemo() throws {
        let folder = try #require(AuditCorpus.cloudMapperDemo)
        let inventory = AWSNormalizer.normalize(BundleReader().read(folder.path))
        #expect(inventory.trails.count == 1)
        let trail = try #require(inventory.auditTrail("cloudtrail"))
        #expect(trail.id == "arn:aws:cloudtrail:us-east-1:123456789012:trail/cloudtrail")
        #expect(trail.account == "123456789012")
        #expect(trail.region == "us-east-1")
        #expect(trail.organization && !trail.allRegions && trail.integrity)
        #expect(trail.bucket == "demo-logs")
        #expect(trail.enabled == nil && trail.events == nil && trail.encryptionKey == nil)
        let account = try #require(inventory.auditAccount("123456789012"))
        #expect(account.coverage.contains("cloudtrail"))
        #expect(account.multiRegionTrails == [])
        #expect(account.regions.contains("us-east-1"))
    }
}
