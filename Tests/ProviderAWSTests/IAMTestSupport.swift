import Foundation
import Model
import PostureTesting
@testable import ProviderAWS
import SourceText

/// Helpers for the IAM tests: scanning a path or a few files through the real reader and
/// normalizer, and finding identities by name.
enum IAMTest {
    static let vulnerable = TestPaths.shared("corpus/aws/iam-authz-details/cloudsplaining-iam-vulnerable-authz-details.json")
    static let teaching = TestPaths.shared("corpus/aws/iam-authz-details/cloudsplaining-teaching-authz-details.json")
    static let cloudMapper = TestPaths.shared("corpus/aws/cloudmapper-demo")
    static func credentialReport(_ name: String) -> URL? { TestPaths.shared("corpus/aws/credential-report/\(name)") }

    /// The inventory of a file or folder, as `posture scan PATH` builds it.
    static func scan(_ url: URL?) -> Inventory {
        AWSNormalizer.normalize(BundleReader().read(url?.path ?? "/nonexistent"))
    }

    /// The inventory of a scratch bundle holding `files` (relative path → content).
    static func scan(files: [String: String]) throws -> Inventory {
        let folder = try ScratchFolder("posture-iam")
        for (path, text) in files { try folder.write(path, text) }
        return AWSNormalizer.normalize(BundleReader().read(folder.path()))
    }

    /// The only identity with this name (and kind, when given).
    static func identity(_ inventory: Inventory, _ name: String, kind: Identity.Kind? = nil) -> Identity? {
        let matches = inventory.identities.filter { $0.name == name && (kind == nil || $0.kind == kind) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Every action named by an Allow statement of the identity's effective policies.
    static func allowedActions(_ identity: Identity?) -> Set<String> {
        Set((identity?.aws.policies ?? []).flatMap { $0.document.statements.filter { $0.effect == .allow }.flatMap(\.actions) })
    }

    static func date(_ text: String) -> Date? { RFC3339.parse(text, .lenient) }

    static func account(_ inventory: Inventory, _ id: String) -> Account? { inventory.accounts.first { $0.account == id } }
}
