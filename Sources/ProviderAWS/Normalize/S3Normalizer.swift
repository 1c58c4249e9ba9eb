import Model

/// S3: buckets with encryption, public access blocks, policy, ACL, logging, versioning and the
/// derived public flag; the account-level public access block. (Being built.)
enum S3Normalizer {
    static func normalize(_ context: inout NormalizationContext) -> [Bucket] { [] }
}
