import CEL
import Foundation
import Model

/// Turns model resources into the CEL values policies read, field by field.
///
/// This is the hot path of a scan (every resource once), so it builds maps directly instead
/// of going through `Encodable` (about ten times slower), with field names hashed once (`K`);
/// `CELValueEncoder` is kept as the reference, and a test holds the two to the same output for
/// every kind. Managed policy documents shared by many identities are converted once per cache.
public struct ResourceValues {
    private var documents: [String: CELValue] = [:]

    public init() {}

    public mutating func value(of resource: any Resource) -> CELValue {
        switch resource {
        case let account as Account: return value(account)
        case let identity as Identity: return value(identity)
        case let bucket as Bucket: return value(bucket)
        case let trail as Trail: return value(trail)
        case let key as EncryptionKey: return value(key)
        default: return (try? CELValueEncoder.encode(resource)) ?? .null
        }
    }

    /// The value of a resource whose kind is known statically (the evaluator's loop): the
    /// casts fold away once specialised, so the resource is neither boxed nor copied.
    public mutating func value<R: Resource>(_ resource: R) -> CELValue {
        if let account = resource as? Account { return value(account) }
        if let identity = resource as? Identity { return value(identity) }
        if let bucket = resource as? Bucket { return value(bucket) }
        if let trail = resource as? Trail { return value(trail) }
        if let key = resource as? EncryptionKey { return value(key) }
        return (try? CELValueEncoder.encode(resource)) ?? .null
    }

    /// The fields every resource has; `capacity` leaves room for the kind's own.
    private func common(_ resource: some Resource, capacity: Int) -> CELMap.Fields {
        var fields = CELMap.Fields(capacity: capacity)
        fields.append(K.id, .string(resource.id))
        fields.append(K.name, .string(resource.name))
        fields.append(K.provider, .string(resource.provider.rawValue))
        fields.append(K.account, .string(resource.account))
        fields.append(K.source, source(resource.source))
        fields.append(K.region, ifPresent: resource.region.map(CELValue.string))
        return fields
    }

    private func source(_ source: ResourceSource) -> CELValue {
        var fields = CELMap.Fields(capacity: 3)
        fields.append(K.kind, .string(source.kind.rawValue))
        fields.append(K.location, .string(source.location))
        fields.append(K.line, ifPresent: source.line.map { .int(Int64($0)) })
        return .map(CELMap(fields))
    }

    func value(_ account: Account) -> CELValue {
        var fields = common(account, capacity: 22)
        fields.append(K.rootMFA, .string(account.rootMFA.rawValue))
        fields.append(K.rootHardwareMFA, ifPresent: account.rootHardwareMFA.map(CELValue.bool))
        fields.append(K.rootAccessKeys, ifPresent: account.rootAccessKeys.map { .int(Int64($0)) })
        fields.append(K.rootLastUsed, ifPresent: account.rootLastUsed.map(Self.time))
        fields.append(K.passwordPolicy, ifPresent: account.passwordPolicy.map(Self.passwordPolicy))
        fields.append(K.publicAccessBlock, ifPresent: account.publicAccessBlock.map(Self.publicAccessBlock))
        fields.append(K.regions, Self.strings(account.regions))
        fields.append(K.configRecorders, .list(account.configRecorders.map { recorder in
            var entry = CELMap.Fields(capacity: 5)
            entry.append(K.region, .string(recorder.region))
            entry.append(K.name, .string(recorder.name))
            entry.append(K.recording, .bool(recorder.recording))
            entry.append(K.allSupported, .bool(recorder.allSupported))
            entry.append(K.includeGlobalResources, .bool(recorder.includeGlobalResources))
            return .map(CELMap(entry))
        }))
        fields.append(K.accessAnalyzers, .list(account.accessAnalyzers.map { analyzer in
            var entry = CELMap.Fields(capacity: 4)
            entry.append(K.region, .string(analyzer.region))
            entry.append(K.name, .string(analyzer.name))
            entry.append(K.status, .string(analyzer.status))
            entry.append(K.type, .string(analyzer.type))
            return .map(CELMap(entry))
        }))
        fields.append(K.rootPasswordEnabled, ifPresent: account.rootPasswordEnabled.map(CELValue.bool))
        fields.append(K.serverCertificates, .list(account.serverCertificates.map { certificate in
            var entry = CELMap.Fields(capacity: 3)
            entry.append(K.name, .string(certificate.name))
            entry.append(K.arn, ifPresent: certificate.arn.map(CELValue.string))
            entry.append(K.expiration, ifPresent: certificate.expiration.map(Self.time))
            return .map(CELMap(entry))
        }))
        fields.append(K.supportAccess, Self.strings(account.supportAccess))
        fields.append(K.multiRegionTrails, ifPresent: account.multiRegionTrails.map(Self.strings))
        fields.append(K.coverage, Self.strings(account.coverage))
        return .map(CELMap(fields))
    }

    mutating func value(_ identity: Identity) -> CELValue {
        var fields = common(identity, capacity: 20)
        fields.append(K.kind, .string(identity.kind.rawValue))
        fields.append(K.path, ifPresent: identity.path.map(CELValue.string))
        fields.append(K.created, ifPresent: identity.created.map(Self.time))
        fields.append(K.consoleAccess, ifPresent: identity.consoleAccess.map(CELValue.bool))
        fields.append(K.lastConsoleLogin, ifPresent: identity.lastConsoleLogin.map(Self.time))
        fields.append(K.mfa, .string(identity.mfa.rawValue))
        fields.append(K.mfaDevices, .list(identity.mfaDevices.map { device in
            var entry = CELMap.Fields(capacity: 3)
            entry.append(K.serial, .string(device.serial))
            entry.append(K.kind, .string(device.kind.rawValue))
            entry.append(K.enabled, ifPresent: device.enabled.map(Self.time))
            return .map(CELMap(entry))
        }))
        fields.append(K.accessKeys, .list(identity.accessKeys.map(Self.accessKey)))
        fields.append(K.policies, .list(identity.policies.map { attachedPolicy($0) }))
        fields.append(K.trust, ifPresent: identity.trust.map(Self.document))
        fields.append(K.groups, Self.strings(identity.groups))
        fields.append(K.lastActivity, ifPresent: identity.lastActivity.map(Self.time))
        fields.append(K.tags, Self.tags(identity.tags))
        return .map(CELMap(fields))
    }

    func value(_ bucket: Bucket) -> CELValue {
        var fields = common(bucket, capacity: 19)
        fields.append(K.created, ifPresent: bucket.created.map(Self.time))
        fields.append(K.encryption, ifPresent: bucket.encryption.map { encryption in
            var entry = CELMap.Fields(capacity: 4)
            entry.append(K.enabled, .bool(encryption.enabled))
            entry.append(K.algorithm, ifPresent: encryption.algorithm.map(CELValue.string))
            entry.append(K.key, ifPresent: encryption.key.map(CELValue.string))
            entry.append(K.bucketKeyEnabled, ifPresent: encryption.bucketKeyEnabled.map(CELValue.bool))
            return .map(CELMap(entry))
        })
        fields.append(K.publicAccessBlock, ifPresent: bucket.publicAccessBlock.map(Self.publicAccessBlock))
        fields.append(K.accountPublicAccessBlock, ifPresent: bucket.accountPublicAccessBlock.map(Self.publicAccessBlock))
        fields.append(K.policy, ifPresent: bucket.policy.map(Self.document))
        fields.append(K.acl, .list(bucket.acl.map { grant in
            var entry = CELMap.Fields(capacity: 3)
            entry.append(K.granteeType, .string(grant.granteeType))
            entry.append(K.grantee, .string(grant.grantee))
            entry.append(K.permission, .string(grant.permission))
            return .map(CELMap(entry))
        }))
        fields.append(K.logging, ifPresent: bucket.logging.map { logging in
            var entry = CELMap.Fields(capacity: 3)
            entry.append(K.enabled, .bool(logging.enabled))
            entry.append(K.targetBucket, ifPresent: logging.targetBucket.map(CELValue.string))
            entry.append(K.targetPrefix, ifPresent: logging.targetPrefix.map(CELValue.string))
            return .map(CELMap(entry))
        })
        fields.append(K.versioning, ifPresent: bucket.versioning.map { versioning in
            var entry = CELMap.Fields(capacity: 2)
            entry.append(K.status, .string(versioning.status.rawValue))
            entry.append(K.mfaDelete, .bool(versioning.mfaDelete))
            return .map(CELMap(entry))
        })
        fields.append(K.public, .bool(bucket.public))
        fields.append(K.publicReasons, Self.strings(bucket.publicReasons))
        fields.append(K.tags, Self.tags(bucket.tags))
        fields.append(K.collected, Self.strings(bucket.collected))
        return .map(CELMap(fields))
    }

    func value(_ trail: Trail) -> CELValue {
        var fields = common(trail, capacity: 14)
        fields.append(K.multiRegion, .bool(trail.multiRegion))
        fields.append(K.organization, .bool(trail.organization))
        fields.append(K.logging, ifPresent: trail.logging.map(CELValue.bool))
        fields.append(K.logFileValidation, .bool(trail.logFileValidation))
        fields.append(K.kmsKey, ifPresent: trail.kmsKey.map(CELValue.string))
        fields.append(K.cloudWatchLogsGroup, ifPresent: trail.cloudWatchLogsGroup.map(CELValue.string))
        fields.append(K.bucket, ifPresent: trail.bucket.map(CELValue.string))
        fields.append(K.events, ifPresent: trail.events.map { events in
            var entry = CELMap.Fields(capacity: 4)
            entry.append(K.managementRead, .bool(events.managementRead))
            entry.append(K.managementWrite, .bool(events.managementWrite))
            entry.append(K.s3DataRead, .bool(events.s3DataRead))
            entry.append(K.s3DataWrite, .bool(events.s3DataWrite))
            return .map(CELMap(entry))
        })
        fields.append(K.bucketAccessLogging, ifPresent: trail.bucketAccessLogging.map(CELValue.bool))
        return .map(CELMap(fields))
    }

    func value(_ key: EncryptionKey) -> CELValue {
        var fields = common(key, capacity: 11)
        fields.append(K.manager, .string(key.manager))
        fields.append(K.state, ifPresent: key.state.map(CELValue.string))
        fields.append(K.spec, ifPresent: key.spec.map(CELValue.string))
        fields.append(K.rotationEnabled, ifPresent: key.rotationEnabled.map(CELValue.bool))
        fields.append(K.created, ifPresent: key.created.map(Self.time))
        return .map(CELMap(fields))
    }

    private mutating func attachedPolicy(_ policy: AttachedPolicy) -> CELValue {
        var fields = CELMap.Fields(capacity: 5)
        fields.append(K.name, .string(policy.name))
        fields.append(K.managedBy, .string(policy.managedBy.rawValue))
        fields.append(K.arn, ifPresent: policy.arn.map(CELValue.string))
        fields.append(K.viaGroup, ifPresent: policy.viaGroup.map(CELValue.string))
        // A managed policy's document is the same wherever it is attached: convert it once.
        if let arn = policy.arn, policy.managedBy != .inline {
            if let cached = documents[arn] {
                fields.append(K.document, cached)
            } else {
                let converted = Self.document(policy.document)
                documents[arn] = converted
                fields.append(K.document, converted)
            }
        } else {
            fields.append(K.document, Self.document(policy.document))
        }
        return .map(CELMap(fields))
    }

    static func document(_ document: PolicyDocument) -> CELValue {
        var fields = CELMap.Fields(capacity: 2)
        fields.append(K.statements, .list(document.statements.map(statement)))
        fields.append(K.version, ifPresent: document.version.map(CELValue.string))
        return .map(CELMap(fields))
    }

    private static func statement(_ statement: Statement) -> CELValue {
        var fields = CELMap.Fields(capacity: 9)
        fields.append(K.effect, .string(statement.effect.rawValue))
        fields.append(K.actions, strings(statement.actions))
        fields.append(K.notActions, strings(statement.notActions))
        fields.append(K.resources, strings(statement.resources))
        fields.append(K.notResources, strings(statement.notResources))
        fields.append(K.principals, .list(statement.principals.map(principal)))
        fields.append(K.notPrincipals, .list(statement.notPrincipals.map(principal)))
        fields.append(K.conditions, .list(statement.conditions.map { condition in
            var entry = CELMap.Fields(capacity: 3)
            entry.append(K.operator, .string(condition.operator))
            entry.append(K.key, .string(condition.key))
            entry.append(K.values, strings(condition.values))
            return .map(CELMap(entry))
        }))
        fields.append(K.sid, ifPresent: statement.sid.map(CELValue.string))
        return .map(CELMap(fields))
    }

    private static func principal(_ principal: Principal) -> CELValue {
        var fields = CELMap.Fields(capacity: 2)
        fields.append(K.type, .string(principal.type))
        fields.append(K.id, .string(principal.id))
        return .map(CELMap(fields))
    }

    private static func accessKey(_ key: AccessKey) -> CELValue {
        var fields = CELMap.Fields(capacity: 5)
        fields.append(K.id, .string(key.id))
        fields.append(K.active, .bool(key.active))
        fields.append(K.created, ifPresent: key.created.map(time))
        fields.append(K.lastUsed, ifPresent: key.lastUsed.map(time))
        fields.append(K.lastUsedService, ifPresent: key.lastUsedService.map(CELValue.string))
        return .map(CELMap(fields))
    }

    private static func passwordPolicy(_ policy: PasswordPolicy) -> CELValue {
        var fields = CELMap.Fields(capacity: 9)
        fields.append(K.minimumLength, .int(Int64(policy.minimumLength)))
        fields.append(K.requireUppercase, .bool(policy.requireUppercase))
        fields.append(K.requireLowercase, .bool(policy.requireLowercase))
        fields.append(K.requireNumbers, .bool(policy.requireNumbers))
        fields.append(K.requireSymbols, .bool(policy.requireSymbols))
        fields.append(K.allowUsersToChange, .bool(policy.allowUsersToChange))
        fields.append(K.hardExpiry, .bool(policy.hardExpiry))
        fields.append(K.maxAgeDays, ifPresent: policy.maxAgeDays.map { .int(Int64($0)) })
        fields.append(K.reusePrevention, ifPresent: policy.reusePrevention.map { .int(Int64($0)) })
        return .map(CELMap(fields))
    }

    private static func publicAccessBlock(_ block: PublicAccessBlockSettings) -> CELValue {
        var fields = CELMap.Fields(capacity: 4)
        fields.append(K.blockPublicAcls, .bool(block.blockPublicAcls))
        fields.append(K.ignorePublicAcls, .bool(block.ignorePublicAcls))
        fields.append(K.blockPublicPolicy, .bool(block.blockPublicPolicy))
        fields.append(K.restrictPublicBuckets, .bool(block.restrictPublicBuckets))
        return .map(CELMap(fields))
    }

    private static func strings(_ values: [String]) -> CELValue { .list(values.map(CELValue.string)) }

    private static func tags(_ tags: [String: String]) -> CELValue {
        var fields = CELMap.Fields(capacity: tags.count)
        for (key, value) in tags { fields.append(FieldKey(key), .string(value)) }
        return .map(CELMap(fields))
    }

    private static func time(_ date: Date) -> CELValue { .timestamp(CELTimestamp(date: date)) }
}

/// The model's field names, hashed once for all the maps built with them.
private enum K {
    static let rootPasswordEnabled = FieldKey("rootPasswordEnabled"), serverCertificates = FieldKey("serverCertificates")
    static let expiration = FieldKey("expiration"), supportAccess = FieldKey("supportAccess")
    static let multiRegionTrails = FieldKey("multiRegionTrails"), collected = FieldKey("collected")
    static let bucketAccessLogging = FieldKey("bucketAccessLogging"), manager = FieldKey("manager")
    static let state = FieldKey("state"), spec = FieldKey("spec"), rotationEnabled = FieldKey("rotationEnabled")
    static let id = FieldKey("id"), name = FieldKey("name"), provider = FieldKey("provider")
    static let account = FieldKey("account"), source = FieldKey("source"), region = FieldKey("region")
    static let kind = FieldKey("kind"), location = FieldKey("location"), line = FieldKey("line")
    static let rootMFA = FieldKey("rootMFA"), rootHardwareMFA = FieldKey("rootHardwareMFA")
    static let rootAccessKeys = FieldKey("rootAccessKeys"), rootLastUsed = FieldKey("rootLastUsed")
    static let passwordPolicy = FieldKey("passwordPolicy"), publicAccessBlock = FieldKey("publicAccessBlock")
    static let regions = FieldKey("regions"), configRecorders = FieldKey("configRecorders")
    static let accessAnalyzers = FieldKey("accessAnalyzers"), coverage = FieldKey("coverage")
    static let recording = FieldKey("recording"), allSupported = FieldKey("allSupported")
    static let includeGlobalResources = FieldKey("includeGlobalResources"), status = FieldKey("status"), type = FieldKey("type")
    static let path = FieldKey("path"), created = FieldKey("created"), consoleAccess = FieldKey("consoleAccess")
    static let lastConsoleLogin = FieldKey("lastConsoleLogin"), mfa = FieldKey("mfa"), mfaDevices = FieldKey("mfaDevices")
    static let serial = FieldKey("serial"), enabled = FieldKey("enabled"), accessKeys = FieldKey("accessKeys")
    static let policies = FieldKey("policies"), trust = FieldKey("trust"), groups = FieldKey("groups")
    static let lastActivity = FieldKey("lastActivity"), tags = FieldKey("tags")
    static let encryption = FieldKey("encryption"), algorithm = FieldKey("algorithm"), key = FieldKey("key")
    static let bucketKeyEnabled = FieldKey("bucketKeyEnabled"), accountPublicAccessBlock = FieldKey("accountPublicAccessBlock")
    static let policy = FieldKey("policy"), acl = FieldKey("acl"), granteeType = FieldKey("granteeType")
    static let grantee = FieldKey("grantee"), permission = FieldKey("permission"), logging = FieldKey("logging")
    static let targetBucket = FieldKey("targetBucket"), targetPrefix = FieldKey("targetPrefix")
    static let versioning = FieldKey("versioning"), mfaDelete = FieldKey("mfaDelete"), `public` = FieldKey("public")
    static let publicReasons = FieldKey("publicReasons"), multiRegion = FieldKey("multiRegion")
    static let organization = FieldKey("organization"), logFileValidation = FieldKey("logFileValidation")
    static let kmsKey = FieldKey("kmsKey"), cloudWatchLogsGroup = FieldKey("cloudWatchLogsGroup"), bucket = FieldKey("bucket")
    static let events = FieldKey("events"), managementRead = FieldKey("managementRead")
    static let managementWrite = FieldKey("managementWrite"), s3DataRead = FieldKey("s3DataRead")
    static let s3DataWrite = FieldKey("s3DataWrite"), managedBy = FieldKey("managedBy"), arn = FieldKey("arn")
    static let viaGroup = FieldKey("viaGroup"), document = FieldKey("document"), statements = FieldKey("statements")
    static let version = FieldKey("version"), effect = FieldKey("effect"), actions = FieldKey("actions")
    static let notActions = FieldKey("notActions"), resources = FieldKey("resources"), notResources = FieldKey("notResources")
    static let principals = FieldKey("principals"), notPrincipals = FieldKey("notPrincipals")
    static let conditions = FieldKey("conditions"), `operator` = FieldKey("operator"), values = FieldKey("values")
    static let sid = FieldKey("sid"), active = FieldKey("active"), lastUsed = FieldKey("lastUsed")
    static let lastUsedService = FieldKey("lastUsedService"), minimumLength = FieldKey("minimumLength")
    static let requireUppercase = FieldKey("requireUppercase"), requireLowercase = FieldKey("requireLowercase")
    static let requireNumbers = FieldKey("requireNumbers"), requireSymbols = FieldKey("requireSymbols")
    static let allowUsersToChange = FieldKey("allowUsersToChange"), hardExpiry = FieldKey("hardExpiry")
    static let maxAgeDays = FieldKey("maxAgeDays"), reusePrevention = FieldKey("reusePrevention")
    static let blockPublicAcls = FieldKey("blockPublicAcls"), ignorePublicAcls = FieldKey("ignorePublicAcls")
    static let blockPublicPolicy = FieldKey("blockPublicPolicy"), restrictPublicBuckets = FieldKey("restrictPublicBuckets")
}
