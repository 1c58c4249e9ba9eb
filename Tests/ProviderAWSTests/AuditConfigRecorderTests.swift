import Foundation
import Model
import Testing
@testable import ProviderAWS

@Suite("Config recorders and Access Analyzer")
struct AuditConfigRecorderTests {
    private func configBody(_ operation: String, _ file: String) throws -> Data {
        try AuditCorpus.body(AuditCorpus.configFile, "config.\(operation)", file)
    }

    private func recorders(_ test: String, region: String = "us-east-1") throws -> Account? {
        var snapshot = AuditSnapshot(account: "644160558196")
        snapshot.add(.describeConfigurationRecorders, try configBody("DescribeConfigurationRecorders", "\(test)/config.DescribeConfigurationRecorders_1.json"), region: region)
        snapshot.add(.describeConfigurationRecorderStatus, try configBody("DescribeConfigurationRecorderStatus", "\(test)/config.DescribeConfigurationRecorderStatus_1.json"), region: region)
        let inventory = snapshot.normalize()
        #expect(inventory.collectionErrors.isEmpty)
        return inventory.auditAccount("644160558196")
    }

    @Test("recorded recorders: all supported types, global resources, recording", .enabled(if: AuditCorpus.available, "../shared corpus absent"))
    func corpusRecorders() throws {
        let account = try #require(try recorders("test_config_recorder"))
        #expect(account.aws.configRecorders == [ConfigRecorder(region: "us-east-1", name: "default", recording: true, allSupported: true, includeGlobalResources: true)])
        #expect(account.coverage == ["config"])
        #expect(account.regions == ["us-east-1"])
        let west = try #require(try recorders("test_account_config", region: "us-west-2"))
        #expect(west.aws.configRecorders == [ConfigRecorder(region: "us-west-2", name: "default", recording: true, allSupported: true, includeGlobalResources: false)])
        // Control Tower's recorder limited to four WAF types by an inclusion strategy.
        let limited = try #require(try recorders("test_configrecord_retention"))
        #expect(limited.aws.configRecorders == [ConfigRecorder(region: "us-east-1", name: "aws-controltower-BaselineConfigRecorder", recording: true, allSupported: false, includeGlobalResources: false)])
    }

    @Test("the second status recording of test_config_recorder_toggle_stop is not recording", .enabled(if: AuditCorpus.available, "../shared corpus absent"))
    func corpusStopped() throws {
        var snapshot = AuditSnapshot()
        snapshot.add(.describeConfigurationRecorders, try configBody("DescribeConfigurationRecorders", "test_config_recorder_toggle_stop/config.DescribeConfigurationRecorders_1.json"))
        snapshot.add(.describeConfigurationRecorderStatus, try configBody("DescribeConfigurationRecorderStatus", "test_config_recorder_toggle_stop/config.DescribeConfigurationRecorderStatus_2.json"))
        #expect(snapshot.normalize().auditAccount("111122223333")?.aws.configRecorders.map(\.recording) == [false])
    }

    @Test("recordingStrategy ALL_SUPPORTED_RESOURCE_TYPES means all supported; a region without recorders is data")
    func strategyAndEmptyRegion() {
        var snapshot = AuditSnapshot()
        snapshot.add(.describeConfigurationRecorders, #"{"ConfigurationRecorders": [{"name": "r", "recordingGroup": {"recordingStrategy": {"useOnly": "ALL_SUPPORTED_RESOURCE_TYPES"}}}]}"#)
        snapshot.add(.describeConfigurationRecorderStatus, #"{"ConfigurationRecordersStatus": [{"name": "r", "recording": true}]}"#)
        snapshot.add(.describeConfigurationRecorders, #"{"ConfigurationRecorders": []}"#, region: "eu-west-1")
        snapshot.add(.describeConfigurationRecorderStatus, #"{"ConfigurationRecordersStatus": []}"#, region: "eu-west-1")
        let account = snapshot.normalize().auditAccount("111122223333")
        #expect(account?.aws.configRecorders == [ConfigRecorder(region: "us-east-1", name: "r", recording: true, allSupported: true, includeGlobalResources: false)])
        #expect(account?.regions == ["eu-west-1", "us-east-1"])
        #expect(account?.coverage == ["config"])
    }

    @Test("recorders without their status are not enough to cover config")
    func missingStatus() {
        var snapshot = AuditSnapshot()
        snapshot.add(.describeConfigurationRecorders, #"{"ConfigurationRecorders": [{"name": "r", "recordingGroup": {"allSupported": true}}]}"#)
        let account = snapshot.normalize().auditAccount("111122223333")
        #expect(account?.aws.configRecorders.count == 1)
        #expect(account?.coverage == [])
    }

    @Test("a status of the wrong type or an AccessDenied answer fails config")
    func badStatus() {
        for body in [#"{"ConfigurationRecordersStatus": [{"name": "r", "recording": "yes"}]}"#, #"{"Error": {"Code": "AccessDeniedException", "Message": "no"}}"#] {
            var snapshot = AuditSnapshot()
            snapshot.add(.describeConfigurationRecorders, #"{"ConfigurationRecorders": [{"name": "r"}]}"#)
            snapshot.add(.describeConfigurationRecorderStatus, body)
            let inventory = snapshot.normalize()
            #expect(inventory.collectionErrors.count == 1)
            #expect(inventory.collectionErrors.first?.dataSet == "config")
            #expect(inventory.auditAccount("111122223333")?.coverage == [], "\(body)")
        }
    }

    @Test("analyzers per region; an empty list is data; a wrong type is an error")
    func analyzers() {
        var snapshot = AuditSnapshot()
        snapshot.add(.listAnalyzers, #"{"analyzers": [{"arn": "arn:aws:access-analyzer:us-east-1:111122223333:analyzer/a", "name": "a", "type": "ACCOUNT", "status": "ACTIVE", "createdAt": "2024-01-01T00:00:00Z"}]}"#)
        snapshot.add(.listAnalyzers, #"{"analyzers": []}"#, region: "eu-west-1")
        let account = snapshot.normalize().auditAccount("111122223333")
        #expect(account?.aws.accessAnalyzers == [AccessAnalyzer(region: "us-east-1", name: "a", status: "ACTIVE", type: "ACCOUNT")])
        #expect(account?.coverage == ["access-analyzer"])
        #expect(account?.regions == ["eu-west-1", "us-east-1"])

        var bad = AuditSnapshot()
        bad.add(.listAnalyzers, #"{"analyzers": {"name": "a"}}"#)
        let inventory = bad.normalize()
        #expect(inventory.collectionErrors.first?.message.contains("$.analyzers") == true)
        #expect(inventory.auditAccount("111122223333")?.coverage == [])
    }
}
