import Foundation
import Model
@testable import ProviderAWS
import SourceText
import Testing

/// CIS 3.1 (management read+write), 3.8 (S3 object writes, all buckets), 3.9 (S3 object reads).
@Suite("Event selector coverage")
struct EventSelectorCoverageTests {
    private func events(_ json: String) throws -> TrailEvents {
        EventSelectorCoverage.events(try auditSelectors(json))
    }

    private let none = TrailEvents(managementRead: false, managementWrite: false, dataRead: false, dataWrite: false)

    @Test("the default selector records management reads and writes, no data events")
    func defaultSelector() throws {
        let result = try events(#"{"EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": true, "DataResources": []}]}"#)
        #expect(result == TrailEvents(managementRead: true, managementWrite: true, dataRead: false, dataWrite: false))
    }

    @Test("absent ReadWriteType and IncludeManagementEvents take the API defaults (All, true)")
    func apiDefaults() throws {
        let result = try events(#"{"EventSelectors": [{}]}"#)
        #expect(result.managementRead && result.managementWrite)
    }

    @Test("ReadOnly and WriteOnly record only their half")
    func readWriteHalves() throws {
        let read = try events(#"{"EventSelectors": [{"ReadWriteType": "ReadOnly", "IncludeManagementEvents": true}]}"#)
        #expect(read.managementRead && !read.managementWrite)
        let write = try events(#"{"EventSelectors": [{"ReadWriteType": "WriteOnly", "IncludeManagementEvents": true}]}"#)
        #expect(!write.managementRead && write.managementWrite)
    }

    @Test("an unknown ReadWriteType records nothing known")
    func unknownReadWriteType() throws {
        #expect(try events(#"{"EventSelectors": [{"ReadWriteType": "Some"}]}"#) == none)
    }

    @Test("excluded management event sources mean not all management events are recorded")
    func excludedSources() throws {
        let result = try events(#"{"EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": true, "ExcludeManagementEventSources": ["kms.amazonaws.com"]}]}"#)
        #expect(!result.managementRead && !result.managementWrite)
    }

    @Test("S3 data events for all buckets: arn:aws:s3 and arn:aws:s3::: both mean every bucket")
    func allBucketsValues() throws {
        for value in ["arn:aws:s3", "arn:aws:s3:::", "arn:aws-us-gov:s3:::"] {
            let result = try events(#"{"EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": false, "DataResources": [{"Type": "AWS::S3::Object", "Values": ["\#(value)"]}]}]}"#)
            #expect(result == TrailEvents(managementRead: false, managementWrite: false, dataRead: true, dataWrite: true), "\(value)")
        }
    }

    @Test("S3 data events for named buckets or prefixes do not count as all buckets")
    func specificBuckets() throws {
        for value in ["arn:aws:s3:::bucket/", "arn:aws:s3:::bucket/prefix", "arn:aws:s3:::*", "arn:aws:lambda"] {
            let result = try events(#"{"EventSelectors": [{"ReadWriteType": "All", "DataResources": [{"Type": "AWS::S3::Object", "Values": ["\#(value)"]}]}]}"#)
            #expect(!result.dataRead && !result.dataWrite, "\(value)")
        }
        let lambda = try events(#"{"EventSelectors": [{"DataResources": [{"Type": "AWS::Lambda::Function", "Values": ["arn:aws:s3"]}]}]}"#)
        #expect(!lambda.dataRead)
    }

    @Test("selectors add up: a read-only and a write-only all-bucket selector cover both (3.8 and 3.9)")
    func selectorsUnion() throws {
        let result = try events(#"""
        {"EventSelectors": [
          {"ReadWriteType": "ReadOnly", "IncludeManagementEvents": false, "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]},
          {"ReadWriteType": "WriteOnly", "IncludeManagementEvents": true, "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::"]}]}
        ]}
        """#)
        #expect(result == TrailEvents(managementRead: false, managementWrite: true, dataRead: true, dataWrite: true))
    }

    @Test("advanced: a Management selector without readOnly records reads and writes")
    func advancedManagement() throws {
        let result = try events(#"{"AdvancedEventSelectors": [{"Name": "m", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}]}]}"#)
        #expect(result == TrailEvents(managementRead: true, managementWrite: true, dataRead: false, dataWrite: false))
    }

    @Test("advanced: readOnly Equals/NotEquals limit management events to one half")
    func advancedReadOnly() throws {
        let writes = try events(#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}, {"Field": "readOnly", "Equals": ["false"]}]}]}"#)
        #expect(!writes.managementRead && writes.managementWrite)
        let reads = try events(#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}, {"Field": "readOnly", "NotEquals": ["false"]}]}]}"#)
        #expect(reads.managementRead && !reads.managementWrite)
    }

    @Test("advanced: excluding event sources keeps management events; choosing sources or names leaves them out")
    func advancedNarrowedManagement() throws {
        let excluded = try events(#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}, {"Field": "eventSource", "NotEquals": ["kms.amazonaws.com"]}]}]}"#)
        #expect(excluded == TrailEvents(managementRead: true, managementWrite: true, dataRead: false, dataWrite: false))
        let chosen = try events(#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}, {"Field": "eventSource", "Equals": ["iam.amazonaws.com"]}]}]}"#)
        #expect(chosen == none)
        let named = try events(#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}, {"Field": "eventName", "Equals": ["ConsoleLogin"]}]}]}"#)
        #expect(named == none)
    }

    @Test("advanced: S3 object data events without an ARN condition, or starting with arn:aws:s3:::, cover every bucket")
    func advancedAllBuckets() throws {
        let noARN = try events(#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}]}]}"#)
        #expect(noARN == TrailEvents(managementRead: false, managementWrite: false, dataRead: true, dataWrite: true))
        for prefix in ["arn:aws:s3:::", "arn:aws:s3", "arn:aws-cn:s3:::"] {
            let result = try events(#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}, {"Field": "resources.ARN", "StartsWith": ["\#(prefix)"]}, {"Field": "readOnly", "Equals": ["true"]}]}]}"#)
            #expect(result.dataRead && !result.dataWrite, "\(prefix)")
        }
    }

    @Test("advanced: S3 data events narrowed to buckets, names or other types do not count")
    func advancedNarrowedData() throws {
        let base = #"{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}"#
        for extra in [
            #"{"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::bucket/"]}"#,
            #"{"Field": "resources.ARN", "Equals": ["arn:aws:s3:::bucket/key"]}"#,
            #"{"Field": "resources.ARN", "NotStartsWith": ["arn:aws:s3:::noisy/"]}"#,
            #"{"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::"], "NotEndsWith": [".log"]}"#,
            #"{"Field": "eventName", "Equals": ["PutObject"]}"#,
        ] {
            let result = try events(#"{"AdvancedEventSelectors": [{"FieldSelectors": [\#(base), \#(extra)]}]}"#)
            #expect(result == none, "\(extra)")
        }
        let lambda = try events(#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::Lambda::Function"]}]}]}"#)
        #expect(lambda == none)
    }

    @Test("advanced: a selector without eventCategory, or no selectors at all, records nothing")
    func advancedDegenerate() throws {
        #expect(try events(#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "readOnly", "Equals": ["true"]}]}]}"#) == none)
        #expect(try events(#"{"AdvancedEventSelectors": []}"#) == none)
        #expect(try events(#"{"EventSelectors": []}"#) == none)
        #expect(try events(#"{}"#) == none)
    }

    @Test("a selector member of the wrong type is a decoding error with its JSON path")
    func wrongType() throws {
        let snapshot = {
            var snapshot = AuditSnapshot()
            snapshot.add(.getEventSelectors, #"{"EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": "yes"}]}"#, subject: "t")
            return snapshot
        }()
        let errors = snapshot.normalize().collectionErrors
        #expect(errors.contains { $0.message.contains("$.EventSelectors[0].IncludeManagementEvents") && $0.dataSet == "cloudtrail" })
    }

    @Test("the 16 recorded get-event-selectors answers read as CIS would", .enabled(if: AuditCorpus.available, "../shared corpus absent"))
    func corpus() throws {
        let recordings = try AuditCorpus.recordings(AuditCorpus.cloudTrailFile, "cloudtrail.GetEventSelectors")
        #expect(recordings.count == 16)
        var byFile: [String: TrailEvents] = [:]
        for recording in recordings {
            byFile[recording.file] = EventSelectorCoverage.events(try JSONText.decoder.decode(CloudTrailEventSelectors.self, from: recording.body))
        }
        let all = TrailEvents(managementRead: true, managementWrite: true, dataRead: false, dataWrite: false)
        #expect(byFile["test_cloudtrail_event_selectors/cloudtrail.GetEventSelectors_1.json"] == all)
        #expect(byFile["test_s3_data_events/cloudtrail.GetEventSelectors_1.json"] == all)
        // IncludeManagementEvents false, all buckets, All.
        #expect(byFile["test_account_data_events/cloudtrail.GetEventSelectors_2.json"]
            == TrailEvents(managementRead: false, managementWrite: false, dataRead: true, dataWrite: true))
        // ReadOnly management events and one named bucket: no writes, no all-bucket data events.
        #expect(byFile["test_cloudtrail_fail_include_management_events/cloudtrail.GetEventSelectors_1.json"]
            == TrailEvents(managementRead: true, managementWrite: false, dataRead: false, dataWrite: false))
        #expect(byFile["test_cloudtrail_success_cloudtrail_include_management_events/cloudtrail.GetEventSelectors_1.json"] == all)
        // WriteOnly data events for one bucket only.
        #expect(byFile["test_s3_data_events/cloudtrail.GetEventSelectors_2.json"] == none)
        // Excluding KMS/RDS Data events (a cost saving the console offers) still records management
        // reads and writes, as c7n's own "success" recording has it; the "fail" one also drops reads.
        #expect(byFile["test_cloudtrail_fail_management_advanced_events_included/cloudtrail.GetEventSelectors_1.json"]
            == TrailEvents(managementRead: false, managementWrite: true, dataRead: false, dataWrite: false))
        #expect(byFile["test_cloudtrail_success_management_advanced_events_included/cloudtrail.GetEventSelectors_1.json"] == all)
    }
}
