import Foundation
import SourceText

/// AWS Config items of the audit domain (`AWS::CloudTrail::Trail`,
/// `AWS::Config::ConfigurationRecorder`, `AWS::KMS::Key`) turned into the CLI answers a bundle
/// holds — `describe-trails`, `get-trail-status`, `get-event-selectors`,
/// `describe-configuration-recorders` and `-status`, `describe-key`, `get-key-rotation-status`
/// — so that the one normalizer reads both.
///
/// AWS Config writes these configurations in camelCase (`trailARN`, `isMultiRegionTrail`, `keyId`)
/// and some in CloudFormation's names (`TrailName`, `EnableLogFileValidation`); keys are
/// re-cased to the CLI's before decoding into the same typed answers a bundle's files become,
/// which are handed on as they are.
enum AWSConfigAudit {
    static func documents(for item: ConfigurationItem) -> RawSnapshot {
        var snapshot = RawSnapshot()
        if let status = item.status, status.hasPrefix("ResourceDeleted") || status == "ResourceNotRecorded" {
            snapshot.ignored.append("\(item.source): \(item.resourceType) item with status \(status) describes no current resource")
            return snapshot
        }
        let call: AWSCall = switch item.resourceType {
        case "AWS::CloudTrail::Trail": .describeTrails
        case "AWS::Config::ConfigurationRecorder": .describeConfigurationRecorders
        default: .describeKey
        }
        guard let configuration = item.configuration else {
            snapshot.problems.append(SnapshotError(source: item.source, call: call, region: item.region, message: "\(item.resourceType) item has no configuration"))
            return snapshot
        }
        do {
            switch call {
            case .describeTrails: snapshot.documents = try trail(item, configuration)
            case .describeConfigurationRecorders: snapshot.documents = try recorder(item, configuration)
            default: snapshot.documents = try key(item, configuration)
            }
        } catch {
            snapshot.problems.append(error)
        }
        return snapshot
    }

    // MARK: CloudTrail

    /// What a trail item may say beyond `describe-trails`: logging status and selectors.
    private struct TrailExtras: Decodable {
        var IsLogging: Bool?
        var EventSelectors: [CloudTrailEventSelector]?
        var AdvancedEventSelectors: [CloudTrailAdvancedEventSelector]?
    }

    private static let trailAliases = [
        "TrailName": "Name", "EnableLogFileValidation": "LogFileValidationEnabled", "KMSKeyId": "KmsKeyId",
        "TrailArn": "TrailARN", "Arn": "TrailARN",
    ]

    static func trail(_ item: ConfigurationItem, _ configuration: JSONValue) throws(SnapshotError) -> [SnapshotDocument] {
        let json = configuration.recased(upper: true, aliases: trailAliases)
        var trail = try decode(CloudTrailTrail.self, json, item, call: .describeTrails)
        var extras = try decode(TrailExtras.self, json, item, call: .describeTrails)
        trail.name = trail.name ?? item.resourceName ?? item.resourceId
        trail.trailARN = trail.trailARN ?? item.arn
        // AWS Config records a trail in its home region.
        trail.homeRegion = trail.homeRegion ?? item.region
        if extras.IsLogging == nil, let status = supplementary(item, ["TrailStatus", "Status"]) {
            extras.IsLogging = try decode(CloudTrailTrailStatus.self, status.recased(upper: true), item, call: .getTrailStatus).isLogging
        }
        if extras.EventSelectors == nil, let selectors = supplementary(item, ["EventSelectors"]) {
            // A bare list of selectors, or a whole get-event-selectors answer.
            let recased = selectors.recased(upper: true)
            if let list = try? JSONText.decode([CloudTrailEventSelector].self, from: recased) {
                extras.EventSelectors = list
            } else {
                let answer = try decode(CloudTrailEventSelectors.self, recased, item, call: .getEventSelectors)
                extras.EventSelectors = answer.eventSelectors
                extras.AdvancedEventSelectors = extras.AdvancedEventSelectors ?? answer.advancedEventSelectors
            }
        }
        let subject = trail.name
        var documents = [document(.describeTrails, CloudTrailDescribeTrails(trailList: [trail]), item)]
        if let logging = extras.IsLogging {
            documents.append(document(.getTrailStatus, CloudTrailTrailStatus(isLogging: logging), item, subject: subject))
        }
        if extras.EventSelectors != nil || extras.AdvancedEventSelectors != nil {
            let selectors = CloudTrailEventSelectors(trailARN: trail.trailARN, eventSelectors: extras.EventSelectors,
                                                     advancedEventSelectors: extras.AdvancedEventSelectors)
            documents.append(document(.getEventSelectors, selectors, item, subject: subject))
        }
        return documents
    }

    // MARK: Config recorders

    /// The recorder and, where the item carries it, its status; without a status the region's
    /// `config` data set stays uncovered (whether it records is unknown).
    static func recorder(_ item: ConfigurationItem, _ configuration: JSONValue) throws(SnapshotError) -> [SnapshotDocument] {
        let json = configuration.recased(upper: false)
        var recorder = try decode(ConfigServiceRecorder.self, json, item, call: .describeConfigurationRecorders)
        recorder.name = recorder.name ?? item.resourceName ?? item.resourceId
        recorder.arn = recorder.arn ?? item.arn
        var documents = [document(.describeConfigurationRecorders, ConfigServiceRecorders(configurationRecorders: [recorder]), item)]
        if let statusJSON = supplementary(item, ["ConfigurationRecorderStatus", "RecorderStatus", "Status"]) {
            let recased = statusJSON.recased(upper: false)
            // One status object, or a list of them.
            var status: ConfigServiceRecorderStatus
            if let first = (try? JSONText.decode([ConfigServiceRecorderStatus].self, from: recased))?.first {
                status = first
            } else {
                status = try decode(ConfigServiceRecorderStatus.self, recased, item, call: .describeConfigurationRecorderStatus)
            }
            status.name = status.name ?? recorder.name
            documents.append(document(.describeConfigurationRecorderStatus, ConfigServiceRecorderStatusList(configurationRecordersStatus: [status]), item))
        }
        return documents
    }

    // MARK: KMS

    private struct KeyExtras: Decodable {
        var KeyRotationEnabled: Bool?
        var EnableKeyRotation: Bool?
    }

    static func key(_ item: ConfigurationItem, _ configuration: JSONValue) throws(SnapshotError) -> [SnapshotDocument] {
        let json = configuration.recased(upper: true, aliases: ["AwsAccountId": "AWSAccountId", "KeyArn": "Arn"])
        var metadata = try decode(KMSKeyMetadata.self, json, item, call: .describeKey)
        let extras = try decode(KeyExtras.self, json, item, call: .describeKey)
        metadata.keyId = metadata.keyId ?? item.resourceId
        metadata.arn = metadata.arn ?? item.arn
        metadata.awsAccountId = metadata.awsAccountId ?? item.accountId
        // Java-serialized dates are epoch milliseconds; the CLI's are seconds.
        if let created = metadata.creationDate, created.timeIntervalSince1970 > 100_000_000_000 {
            metadata.creationDate = Date(timeIntervalSince1970: created.timeIntervalSince1970 / 1000)
        }
        let subject = metadata.keyId
        var documents = [document(.describeKey, KMSDescribeKey(keyMetadata: metadata), item, subject: subject)]
        var rotation = extras.KeyRotationEnabled ?? extras.EnableKeyRotation
        if rotation == nil, let status = supplementary(item, ["KeyRotationStatus", "KeyRotationEnabled"]) {
            // A bare boolean (possibly as text), or a get-key-rotation-status answer.
            if let flag = status.boolValue {
                rotation = flag
            } else if let flag = status.stringValue.flatMap({ Bool($0.lowercased()) }) {
                rotation = flag
            } else {
                rotation = try decode(KMSKeyRotationStatus.self, status.recased(upper: true), item, call: .getKeyRotationStatus).keyRotationEnabled
            }
        }
        if let rotation {
            documents.append(document(.getKeyRotationStatus, KMSKeyRotationStatus(keyRotationEnabled: rotation, keyId: subject), item, subject: subject))
        }
        return documents
    }

    // MARK: Helpers

    private static func decode<T: Decodable>(_ type: T.Type, _ json: JSONValue, _ item: ConfigurationItem, call: AWSCall) throws(SnapshotError) -> T {
        do throws(JSONText.Failure) {
            return try JSONText.decode(type, from: json)
        } catch {
            throw SnapshotError(source: "\(item.source)/configuration", call: call, region: item.region, message: error.message)
        }
    }

    /// The typed answer to `call`, placed in the item's region.
    private static func document<T: Sendable>(_ call: AWSCall, _ value: T, _ item: ConfigurationItem, subject: String? = nil) -> SnapshotDocument {
        SnapshotDocument(call: call, subject: subject, region: item.region, source: item.source, payload: .value(value))
    }

    /// The first supplementary configuration value whose key matches one of `names` (any case).
    static func supplementary(_ item: ConfigurationItem, _ names: [String]) -> JSONValue? {
        for name in names {
            if let match = item.supplementaryConfiguration.first(where: { $0.key.caseInsensitiveCompare(name) == .orderedSame }) {
                return match.value
            }
        }
        return nil
    }
}
