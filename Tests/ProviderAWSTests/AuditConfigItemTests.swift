import Foundation
import Model
import PostureTesting
import Testing
@testable import ProviderAWS

/// AWS Config items of the audit domain, read into the same documents as a bundle.
@Suite("AWS Config audit items")
struct AuditConfigItemTests {
    static let snapshotJSON = #"""
    {"fileVersion": "1.0", "configSnapshotId": "s1", "configurationItems": [
      {"resourceType": "AWS::CloudTrail::Trail", "resourceId": "main", "resourceName": "main", "awsAccountId": "111122223333",
       "awsRegion": "us-east-1", "ARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main", "configurationItemStatus": "OK",
       "configuration": "{\"name\":\"main\",\"s3BucketName\":\"trail-logs\",\"includeGlobalServiceEvents\":true,\"isMultiRegionTrail\":true,\"homeRegion\":\"us-east-1\",\"trailARN\":\"arn:aws:cloudtrail:us-east-1:111122223333:trail/main\",\"logFileValidationEnabled\":true,\"kmsKeyId\":\"arn:aws:kms:us-east-1:111122223333:key/c1\",\"hasCustomEventSelectors\":false,\"isOrganizationTrail\":false}",
       "supplementaryConfiguration": {"TrailStatus": "{\"isLogging\":true}", "EventSelectors": "[{\"readWriteType\":\"All\",\"includeManagementEvents\":true,\"dataResources\":[]}]"}},
      {"resourceType": "AWS::CloudTrail::Trail", "resourceId": "old", "awsRegion": "us-east-1", "configurationItemStatus": "ResourceDeleted", "configuration": null},
      {"resourceType": "AWS::Config::ConfigurationRecorder", "resourceId": "default", "resourceName": "default", "awsRegion": "eu-west-1",
       "ARN": "arn:aws:config:eu-west-1:111122223333:config-recorder/default", "configurationItemStatus": "OK",
       "configuration": {"name": "default", "roleARN": "arn:aws:iam::111122223333:role/config", "recordingGroup": {"allSupported": true, "includeGlobalResourceTypes": true, "resourceTypes": []}},
       "supplementaryConfiguration": {"ConfigurationRecorderStatus": "{\"name\":\"default\",\"recording\":true,\"lastStatus\":\"SUCCESS\"}"}},
      {"resourceType": "AWS::KMS::Key", "resourceId": "c1", "awsAccountId": "111122223333", "awsRegion": "us-east-1",
       "ARN": "arn:aws:kms:us-east-1:111122223333:key/c1", "configurationItemStatus": "ResourceDiscovered",
       "configuration": {"keyId": "c1", "arn": "arn:aws:kms:us-east-1:111122223333:key/c1", "creationDate": 1502910355475, "enabled": true, "keyUsage": "ENCRYPT_DECRYPT", "keyState": "Enabled", "origin": "AWS_KMS", "keyManager": "CUSTOMER", "customerMasterKeySpec": "SYMMETRIC_DEFAULT"},
       "supplementaryConfiguration": {"KeyRotationStatus": "true"}}
    ]}
    """#

    @Test("trail (camelCase, JSON-string configuration), recorder with status, and key read like a bundle")
    func snapshotItems() throws {
        let inventory = AWSNormalizer.normalize(AWSConfigReader.read(Data(Self.snapshotJSON.utf8), source: "config.json"))
        #expect(inventory.collectionErrors.isEmpty)
        let trail = try #require(inventory.auditTrail("main"))
        #expect(trail.id == "arn:aws:cloudtrail:us-east-1:111122223333:trail/main")
        #expect(trail.allRegions && trail.integrity && trail.enabled == true)
        #expect(trail.encryptionKey == "arn:aws:kms:us-east-1:111122223333:key/c1")
        #expect(trail.bucket == "trail-logs")
        #expect(trail.events == TrailEvents(managementRead: true, managementWrite: true, dataRead: false, dataWrite: false))
        #expect(inventory.trails.count == 1)
        let account = try #require(inventory.auditAccount("111122223333"))
        #expect(account.multiRegionTrails == ["main"])
        #expect(account.aws.configRecorders == [ConfigRecorder(region: "eu-west-1", name: "default", recording: true, allSupported: true, includeGlobalResources: true)])
        #expect(account.coverage == ["cloudtrail", "config", "kms"])
        let key = try #require(inventory.auditKey("c1"))
        #expect(key.manager == .customer)
        #expect(key.rotationEnabled == true)
        #expect(key.spec == "SYMMETRIC_DEFAULT")
        // AWS Config's epoch milliseconds read as the same instant as the CLI's seconds.
        #expect(key.created == Date(timeIntervalSince1970: 1_502_910_355.475))
        #expect(inventory.ignoredFiles.contains { $0.contains("ResourceDeleted") })
    }

    @Test("CloudFormation-style trail names (TrailName, EnableLogFileValidation, KMSKeyId, IsLogging) read too")
    func cloudFormationNames() throws {
        let item = #"{"resourceType": "AWS::CloudTrail::Trail", "awsRegion": "us-east-2", "ARN": "arn:aws:cloudtrail:us-east-2:111122223333:trail/cfn", "configuration": {"TrailName": "cfn", "EnableLogFileValidation": true, "KMSKeyId": "k", "IsLogging": false, "IsMultiRegionTrail": true, "S3BucketName": "b"}}"#
        let inventory = AWSNormalizer.normalize(AWSConfigReader.read(Data(item.utf8), source: "item.json"))
        let trail = try #require(inventory.auditTrail("cfn"))
        #expect(trail.integrity && trail.encryptionKey == "k" && trail.enabled == false && trail.region == "us-east-2")
        #expect(trail.events == nil)
    }

    @Test("a recorder item without status leaves config uncovered; a key item with a wrong type is an error")
    func incompleteItems() {
        let json = #"""
        {"configurationItems": [
          {"resourceType": "AWS::Config::ConfigurationRecorder", "resourceId": "default", "awsRegion": "us-east-1", "configuration": {"name": "default", "recordingGroup": {"allSupported": true}}},
          {"resourceType": "AWS::KMS::Key", "resourceId": "k9", "awsRegion": "us-east-1", "ARN": "arn:aws:kms:us-east-1:111122223333:key/k9", "configuration": {"keyId": "k9", "keyState": 5}}
        ]}
        """#
        var raw = AWSConfigReader.read(Data(json.utf8), source: "config.json")
        raw.manifestAccount = "111122223333"
        let inventory = AWSNormalizer.normalize(raw)
        #expect(inventory.keys.isEmpty)
        #expect(inventory.collectionErrors.contains { $0.source.contains("configurationItems/1") && $0.message.contains("$.KeyState") && $0.dataSet == "kms" })
        let account = inventory.auditAccount("111122223333")
        #expect(account?.aws.configRecorders.map(\.recording) == [false])
        #expect(account?.coverage == [])
    }

    @Test("recorded GetResourceConfigHistory answers (configuration as JSON strings) read without problems; their types are listed as ignored",
          .enabled(if: AuditCorpus.available, "../shared corpus absent"))
    func corpusHistory() throws {
        let recordings = try AuditCorpus.recordings(AuditCorpus.configFile, "config.GetResourceConfigHistory")
        #expect(recordings.count == 12)
        var items = 0
        for recording in recordings {
            let raw = AWSConfigReader.read(recording.body, source: recording.file)
            #expect(raw.problems.isEmpty, "\(recording.file)")
            #expect(raw.documents.isEmpty)
            items += raw.ignored.count
        }
        #expect(items > 0)
    }

    @Test("a recorded history item re-typed as a trail reads through the same path", .enabled(if: AuditCorpus.available, "../shared corpus absent"))
    func corpusHistoryShape() throws {
        // The recorded envelope (placebo dates, JSON-string configuration) with a trail's configuration.
        let body = try AuditCorpus.body(AuditCorpus.configFile, "config.GetResourceConfigHistory", "test_ecs_service_config/config.GetResourceConfigHistory_1.json")
        var text = try #require(String(data: body, encoding: .utf8))
        text = text.replacingOccurrences(of: "AWS::ECS::Service", with: "AWS::CloudTrail::Trail")
        let raw = AWSConfigReader.read(Data(text.utf8), source: "history.json")
        #expect(raw.problems.isEmpty)
        // The ECS configuration has none of a trail's members; the item's ARN and name fill in.
        let trails = raw.documents.filter { $0.call == .describeTrails }
        #expect(trails.count == 1)
        #expect(trails.first?.region == "us-east-2")
    }
}
