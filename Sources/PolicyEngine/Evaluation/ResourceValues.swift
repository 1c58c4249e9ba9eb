import CEL
import Foundation
import Model

/// Turns model resources into the CEL values policies read, field by field.
///
/// This is the hot path of a scan (every resource once), so it builds maps directly instead
/// of going through `Encodable` (about ten times slower); `CELValueEncoder` is kept as the
/// reference, and a test holds the two to the same output for every kind. Managed policy
/// documents shared by many identities are converted once per cache.
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

    private func common(_ resource: some Resource) -> [(String, CELValue)] {
        var fields: [(String, CELValue)] = [
            ("id", .string(resource.id)), ("name", .string(resource.name)), ("provider", .string(resource.provider.rawValue)),
            ("account", .string(resource.account)), ("source", source(resource.source)),
        ]
        fields.reserveCapacity(24)
        fields.optional("region", resource.region.map(CELValue.string))
        return fields
    }

    private func source(_ source: ResourceSource) -> CELValue {
        var fields: [(String, CELValue)] = [("kind", .string(source.kind.rawValue)), ("location", .string(source.location))]
        fields.optional("line", source.line.map { .int(Int64($0)) })
        return .map(CELMap(fields: fields))
    }

    func value(_ account: Account) -> CELValue {
        var fields = common(account)
        fields.append(("rootMFA", .string(account.rootMFA.rawValue)))
        fields.optional("rootHardwareMFA", account.rootHardwareMFA.map(CELValue.bool))
        fields.optional("rootAccessKeys", account.rootAccessKeys.map { .int(Int64($0)) })
        fields.optional("rootLastUsed", account.rootLastUsed.map(Self.time))
        fields.optional("passwordPolicy", account.passwordPolicy.map(Self.passwordPolicy))
        fields.optional("publicAccessBlock", account.publicAccessBlock.map(Self.publicAccessBlock))
        fields.append(("regions", Self.strings(account.regions)))
        fields.append(("configRecorders", .list(account.configRecorders.map { recorder in
            .map(CELMap(fields: [
                ("region", .string(recorder.region)), ("name", .string(recorder.name)), ("recording", .bool(recorder.recording)),
                ("allSupported", .bool(recorder.allSupported)), ("includeGlobalResources", .bool(recorder.includeGlobalResources)),
            ]))
        })))
        fields.append(("accessAnalyzers", .list(account.accessAnalyzers.map { analyzer in
            .map(CELMap(fields: [
                ("region", .string(analyzer.region)), ("name", .string(analyzer.name)),
                ("status", .string(analyzer.status)), ("type", .string(analyzer.type)),
            ]))
        })))
        fields.optional("rootPasswordEnabled", account.rootPasswordEnabled.map(CELValue.bool))
        fields.append(("serverCertificates", .list(account.serverCertificates.map { certificate in
            var entry: [(String, CELValue)] = [("name", .string(certificate.name))]
            entry.optional("arn", certificate.arn.map(CELValue.string))
            entry.optional("expiration", certificate.expiration.map(Self.time))
            return .map(CELMap(fields: entry))
        })))
        fields.append(("supportAccess", Self.strings(account.supportAccess)))
        fields.optional("multiRegionTrails", account.multiRegionTrails.map(Self.strings))
        fields.append(("coverage", Self.strings(account.coverage)))
        return .map(CELMap(fields: fields))
    }

    mutating func value(_ identity: Identity) -> CELValue {
        var fields = common(identity)
        fields.append(("kind", .string(identity.kind.rawValue)))
        fields.optional("path", identity.path.map(CELValue.string))
        fields.optional("created", identity.created.map(Self.time))
        fields.optional("consoleAccess", identity.consoleAccess.map(CELValue.bool))
        fields.optional("lastConsoleLogin", identity.lastConsoleLogin.map(Self.time))
        fields.append(("mfa", .string(identity.mfa.rawValue)))
        fields.append(("mfaDevices", .list(identity.mfaDevices.map { device in
            var entry: [(String, CELValue)] = [("serial", .string(device.serial)), ("kind", .string(device.kind.rawValue))]
            entry.optional("enabled", device.enabled.map(Self.time))
            return .map(CELMap(fields: entry))
        })))
        fields.append(("accessKeys", .list(identity.accessKeys.map(Self.accessKey))))
        fields.append(("policies", .list(identity.policies.map { attachedPolicy($0) })))
        fields.optional("trust", identity.trust.map(Self.document))
        fields.append(("groups", Self.strings(identity.groups)))
        fields.optional("lastActivity", identity.lastActivity.map(Self.time))
        fields.append(("tags", Self.tags(identity.tags)))
        return .map(CELMap(fields: fields))
    }

    func value(_ bucket: Bucket) -> CELValue {
        var fields = common(bucket)
        fields.optional("created", bucket.created.map(Self.time))
        fields.optional("encryption", bucket.encryption.map { encryption in
            var entry: [(String, CELValue)] = [("enabled", .bool(encryption.enabled))]
            entry.optional("algorithm", encryption.algorithm.map(CELValue.string))
            entry.optional("key", encryption.key.map(CELValue.string))
            entry.optional("bucketKeyEnabled", encryption.bucketKeyEnabled.map(CELValue.bool))
            return .map(CELMap(fields: entry))
        })
        fields.optional("publicAccessBlock", bucket.publicAccessBlock.map(Self.publicAccessBlock))
        fields.optional("accountPublicAccessBlock", bucket.accountPublicAccessBlock.map(Self.publicAccessBlock))
        fields.optional("policy", bucket.policy.map(Self.document))
        fields.append(("acl", .list(bucket.acl.map { grant in
            .map(CELMap(fields: [
                ("granteeType", .string(grant.granteeType)), ("grantee", .string(grant.grantee)), ("permission", .string(grant.permission)),
            ]))
        })))
        fields.optional("logging", bucket.logging.map { logging in
            var entry: [(String, CELValue)] = [("enabled", .bool(logging.enabled))]
            entry.optional("targetBucket", logging.targetBucket.map(CELValue.string))
            entry.optional("targetPrefix", logging.targetPrefix.map(CELValue.string))
            return .map(CELMap(fields: entry))
        })
        fields.optional("versioning", bucket.versioning.map { versioning in
            .map(CELMap(fields: [("status", .string(versioning.status.rawValue)), ("mfaDelete", .bool(versioning.mfaDelete))]))
        })
        fields.append(("public", .bool(bucket.public)))
        fields.append(("publicReasons", Self.strings(bucket.publicReasons)))
        fields.append(("tags", Self.tags(bucket.tags)))
        fields.append(("collected", Self.strings(bucket.collected)))
        return .map(CELMap(fields: fields))
    }

    func value(_ trail: Trail) -> CELValue {
        var fields = common(trail)
        fields.append(("multiRegion", .bool(trail.multiRegion)))
        fields.append(("organization", .bool(trail.organization)))
        fields.optional("logging", trail.logging.map(CELValue.bool))
        fields.append(("logFileValidation", .bool(trail.logFileValidation)))
        fields.optional("kmsKey", trail.kmsKey.map(CELValue.string))
        fields.optional("cloudWatchLogsGroup", trail.cloudWatchLogsGroup.map(CELValue.string))
        fields.optional("bucket", trail.bucket.map(CELValue.string))
        fields.optional("events", trail.events.map { events in
            .map(CELMap(fields: [
                ("managementRead", .bool(events.managementRead)), ("managementWrite", .bool(events.managementWrite)),
                ("s3DataRead", .bool(events.s3DataRead)), ("s3DataWrite", .bool(events.s3DataWrite)),
            ]))
        })
        fields.optional("bucketAccessLogging", trail.bucketAccessLogging.map(CELValue.bool))
        return .map(CELMap(fields: fields))
    }

    func value(_ key: EncryptionKey) -> CELValue {
        var fields = common(key)
        fields.append(("manager", .string(key.manager)))
        fields.optional("state", key.state.map(CELValue.string))
        fields.optional("spec", key.spec.map(CELValue.string))
        fields.optional("rotationEnabled", key.rotationEnabled.map(CELValue.bool))
        fields.optional("created", key.created.map(Self.time))
        return .map(CELMap(fields: fields))
    }

    private mutating func attachedPolicy(_ policy: AttachedPolicy) -> CELValue {
        var fields: [(String, CELValue)] = [("name", .string(policy.name)), ("managedBy", .string(policy.managedBy.rawValue))]
        fields.optional("arn", policy.arn.map(CELValue.string))
        fields.optional("viaGroup", policy.viaGroup.map(CELValue.string))
        // A managed policy's document is the same wherever it is attached: convert it once.
        if let arn = policy.arn, policy.managedBy != .inline {
            if let cached = documents[arn] {
                fields.append(("document", cached))
            } else {
                let converted = Self.document(policy.document)
                documents[arn] = converted
                fields.append(("document", converted))
            }
        } else {
            fields.append(("document", Self.document(policy.document)))
        }
        return .map(CELMap(fields: fields))
    }

    static func document(_ document: PolicyDocument) -> CELValue {
        var fields: [(String, CELValue)] = [("statements", .list(document.statements.map(statement)))]
        fields.optional("version", document.version.map(CELValue.string))
        return .map(CELMap(fields: fields))
    }

    private static func statement(_ statement: Statement) -> CELValue {
        var fields: [(String, CELValue)] = [
            ("effect", .string(statement.effect.rawValue)), ("actions", strings(statement.actions)),
            ("notActions", strings(statement.notActions)), ("resources", strings(statement.resources)),
            ("notResources", strings(statement.notResources)), ("principals", .list(statement.principals.map(principal))),
            ("notPrincipals", .list(statement.notPrincipals.map(principal))),
            ("conditions", .list(statement.conditions.map { condition in
                .map(CELMap(fields: [("operator", .string(condition.operator)), ("key", .string(condition.key)), ("values", strings(condition.values))]))
            })),
        ]
        fields.optional("sid", statement.sid.map(CELValue.string))
        return .map(CELMap(fields: fields))
    }

    private static func principal(_ principal: Principal) -> CELValue {
        .map(CELMap(fields: [("type", .string(principal.type)), ("id", .string(principal.id))]))
    }

    private static func accessKey(_ key: AccessKey) -> CELValue {
        var fields: [(String, CELValue)] = [("id", .string(key.id)), ("active", .bool(key.active))]
        fields.optional("created", key.created.map(time))
        fields.optional("lastUsed", key.lastUsed.map(time))
        fields.optional("lastUsedService", key.lastUsedService.map(CELValue.string))
        return .map(CELMap(fields: fields))
    }

    private static func passwordPolicy(_ policy: PasswordPolicy) -> CELValue {
        var fields: [(String, CELValue)] = [
            ("minimumLength", .int(Int64(policy.minimumLength))), ("requireUppercase", .bool(policy.requireUppercase)),
            ("requireLowercase", .bool(policy.requireLowercase)), ("requireNumbers", .bool(policy.requireNumbers)),
            ("requireSymbols", .bool(policy.requireSymbols)), ("allowUsersToChange", .bool(policy.allowUsersToChange)),
            ("hardExpiry", .bool(policy.hardExpiry)),
        ]
        fields.optional("maxAgeDays", policy.maxAgeDays.map { .int(Int64($0)) })
        fields.optional("reusePrevention", policy.reusePrevention.map { .int(Int64($0)) })
        return .map(CELMap(fields: fields))
    }

    private static func publicAccessBlock(_ block: PublicAccessBlockSettings) -> CELValue {
        .map(CELMap(fields: [
            ("blockPublicAcls", .bool(block.blockPublicAcls)), ("ignorePublicAcls", .bool(block.ignorePublicAcls)),
            ("blockPublicPolicy", .bool(block.blockPublicPolicy)), ("restrictPublicBuckets", .bool(block.restrictPublicBuckets)),
        ]))
    }

    private static func strings(_ values: [String]) -> CELValue { .list(values.map(CELValue.string)) }

    private static func tags(_ tags: [String: String]) -> CELValue {
        .map(CELMap(fields: tags.map { ($0.key, CELValue.string($0.value)) }))
    }

    private static func time(_ date: Date) -> CELValue { .timestamp(CELTimestamp(date: date)) }
}

private extension Array where Element == (String, CELValue) {
    /// Appends the field only when it has a value: absent fields are absent keys, for `has()`.
    mutating func optional(_ name: String, _ value: CELValue?) {
        if let value { append((name, value)) }
    }
}
