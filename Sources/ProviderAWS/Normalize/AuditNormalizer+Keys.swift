import Model

extension AuditNormalizer {
    /// A key as the answers about it say: listed by `list-keys`, described by `describe-key`,
    /// rotation from `get-key-rotation-status`.
    struct KeyFacts {
        var id: String
        var arn: String?
        var region: String?
        var metadata: KMSKeyMetadata?
        var rotation: Bool?
        var document: SnapshotDocument
        /// `describe-key` answered "no such key" (deleted since it was listed).
        var gone = false
    }

    /// KMS keys: every key listed or described. Customer keys are told from AWS keys by
    /// `describe-key`; a listed key without it cannot be classified, so it is left out and the
    /// `kms` data set is not counted as covered for its account.
    static func normalizeKeys(_ context: inout NormalizationContext, coverage: inout Coverage) -> [EncryptionKey] {
        let observer = context.defaultAccount
        var facts: [String: KeyFacts] = [:]
        var order: [String] = []
        func entry(_ id: String, _ document: SnapshotDocument) -> String {
            // Keys are unique per region; ids are UUIDs, but multi-region keys share theirs.
            let key = "\(document.region ?? ""):\(id)"
            if facts[key] == nil {
                facts[key] = KeyFacts(id: id, region: document.region, document: document)
                order.append(key)
            }
            return key
        }
        for document in context.documents(.listKeys) {
            coverage.saw("kms", account: observer, region: document.region)
            guard let answer = read(document, as: KMSKeyList.self, account: observer, context: &context, coverage: &coverage) else { continue }
            for listed in answer.keys ?? [] {
                guard let id = listed.keyId ?? listed.keyArn.flatMap(keyId(inARN:)) else {
                    reject(document, "a key has neither KeyId nor KeyArn", account: observer, context: &context, coverage: &coverage)
                    continue
                }
                facts[entry(id, document)]?.arn = listed.keyArn
            }
        }
        for document in context.documents(.describeKey) {
            coverage.saw("kms", account: observer, region: document.region)
            let subject = document.subject.map { keyId(inARN: $0) ?? $0 }
            if document.isAbsentAnswer, let subject { facts[entry(subject, document)]?.gone = true }
            guard let answer = read(document, as: KMSDescribeKey.self, account: observer, context: &context, coverage: &coverage) else { continue }
            guard let metadata = answer.keyMetadata, let id = metadata.keyId ?? metadata.arn.flatMap(keyId(inARN:)) ?? subject else {
                reject(document, "KeyMetadata with neither KeyId nor Arn", account: observer, context: &context, coverage: &coverage)
                continue
            }
            let key = entry(id, document)
            facts[key]?.metadata = metadata
            facts[key]?.document = document
        }
        readRotation(&context, facts: &facts, coverage: &coverage)
        return order.compactMap { facts[$0] }.compactMap { makeKey($0, context: &context, coverage: &coverage) }
    }

    /// `KeyRotationEnabled` per key, matched by the file's subject or the answer's `KeyId`.
    static func readRotation(_ context: inout NormalizationContext, facts: inout [String: KeyFacts], coverage: inout Coverage) {
        let observer = context.defaultAccount
        for document in context.documents(.getKeyRotationStatus) {
            guard let answer = read(document, as: KMSKeyRotationStatus.self, account: observer, context: &context, coverage: &coverage),
                  let id = (document.subject ?? answer.keyId).map({ keyId(inARN: $0) ?? $0 }) else { continue }
            facts["\(document.region ?? ""):\(id)"]?.rotation = answer.keyRotationEnabled
        }
    }

    static func makeKey(_ facts: KeyFacts, context: inout NormalizationContext, coverage: inout Coverage) -> EncryptionKey? {
        if facts.gone { return nil }
        let arn = facts.metadata?.arn ?? facts.arn
        let account = arn.flatMap(NormalizationContext.account(inARN:)) ?? facts.metadata?.awsAccountId ?? context.defaultAccount
        let region = facts.region ?? arn.flatMap(region(inARN:))
        guard let metadata = facts.metadata, let manager = metadata.keyManager else {
            // Listed but not described: a customer key cannot be told from an AWS key, so the
            // account's keys are incompletely known and kms policies are not assessed there.
            coverage.fail("kms", account: account)
            return nil
        }
        coverage.saw("kms", account: account, region: region)
        let spec = metadata.keySpec ?? metadata.customerMasterKeySpec
        return EncryptionKey(
            id: arn ?? "arn:aws:kms:\(region ?? "unknown"):\(account):key/\(facts.id)", name: facts.id, provider: .aws,
            account: account, region: region, source: source(facts.document),
            manager: manager == "AWS" ? .provider : .customer, state: metadata.keyState, spec: spec,
            rotationEnabled: rotationApplies(metadata) ? facts.rotation : nil, created: metadata.creationDate)
    }

    /// Automatic rotation exists only for symmetric keys with key material KMS generated.
    static func rotationApplies(_ metadata: KMSKeyMetadata) -> Bool {
        let spec = metadata.keySpec ?? metadata.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT"
        return spec == "SYMMETRIC_DEFAULT" && (metadata.origin ?? "AWS_KMS") == "AWS_KMS"
    }

    /// `arn:aws:kms:us-east-1:111:key/1234…` → `1234…`; nil for anything else (a bare id stays as it is).
    static func keyId(inARN arn: String) -> String? {
        guard arn.hasPrefix("arn:"), let range = arn.range(of: ":key/") else { return nil }
        return String(arn[range.upperBound...])
    }
}
