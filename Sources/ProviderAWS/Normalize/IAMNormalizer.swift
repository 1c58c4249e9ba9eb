import Foundation
import Model

/// IAM: identities with their effective policies, MFA, keys and console access; the root
/// user, password policy and other account facts.
///
/// Reads `get-account-authorization-details` (any number of documents: pages, accounts, AWS
/// Config items), `get-credential-report`, `get-account-summary`, `get-account-password-policy`,
/// `list-virtual-mfa-devices`, `list-server-certificates` and `get-caller-identity`. Each
/// account's coverage lists the IAM data sets read in full; a document that failed leaves its
/// data set out (and is a collection error), so the policies that need it are not assessed.
enum IAMNormalizer {
    static func normalize(_ context: inout NormalizationContext) -> [Identity] {
        var run = Run()
        let details = AuthorizationDetails.read(&context, coverage: &run.coverage, interner: &run.interner)
        buildEntities(details, context: &context, run: &run)
        // The report first: the MFA-device listing then upgrades `mfa` to enabled where a
        // device is assigned, and the summary's root facts take precedence over the report's.
        applyCredentialReports(&context, run: &run)
        applyVirtualMFADevices(&context, run: &run)
        applySummaries(&context, run: &run)
        applyPasswordPolicies(&context, run: &run)
        applyServerCertificates(&context, run: &run)
        applyCallerIdentities(&context)
        run.coverage.apply(to: &context)
        deriveRootHardwareMFA(&context, run: run)
        for index in run.identities.indices {
            run.identities[index].grants = AccessGrants.of(identity: run.identities[index].id, policies: run.identities[index].aws.policies)
        }
        return run.identities
    }
}
