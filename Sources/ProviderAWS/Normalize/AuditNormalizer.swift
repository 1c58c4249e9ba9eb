import Model

/// CloudTrail trails, Config recorders, KMS keys and Access Analyzer. (Being built.)
enum AuditNormalizer {
    struct Result {
        var trails: [Trail] = []
        var keys: [EncryptionKey] = []
    }

    static func normalize(_ context: inout NormalizationContext, buckets: [Bucket]) -> Result { Result() }
}
