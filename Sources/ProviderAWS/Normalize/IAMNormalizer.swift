import Model

/// IAM: identities with their effective policies, MFA, keys and console access; the root
/// user, password policy and other account facts. (Being built.)
enum IAMNormalizer {
    static func normalize(_ context: inout NormalizationContext) -> [Identity] { [] }
}
