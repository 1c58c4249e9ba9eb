import Foundation
import Model
import ProviderKit

/// AWS as posture plugs it in: its model extension, the operations its live collector sends,
/// its reader for exports, and its normalizer (one path for files and live answers).
public struct AWSProvider: CloudProvider {
    public init() {}

    public var id: ProviderID { .aws }
    public var model: ModelExtension { .aws }

    /// `service:Operation` of every request the collector can send (`iam:GenerateCredentialReport`
    /// and `ec2:DescribeRegions` among them), as botocore names them.
    public var apiActions: [String] { LiveOperation.all.map(\.description) }

    public func makeReader(root _: String) -> AWSSnapshotReader { AWSSnapshotReader() }

    public func normalize(_ snapshot: RawSnapshot) -> Inventory { AWSNormalizer.normalize(snapshot) }

    /// The bundle layout of `snapshots/README.md`: each answer where `BundleLayout` files it,
    /// error answers as botocore's `{"Error": {...}}`, and the manifest.
    public func bundle(_ snapshot: RawSnapshot, tool: String) throws(BundleWriter.Failure) -> [BundleFile] {
        try AWSBundle.files(documents: snapshot.documents, account: snapshot.manifestAccount ?? "unknown", regions: snapshot.manifestRegions,
                        collected: snapshot.collected ?? Date(), tool: tool)
    }
}

extension RawSnapshot: ProviderSnapshot {
    public var isEmpty: Bool { documents.isEmpty }
    public var emptyReasons: [String] { problems.map(\.description) + ignored }
}
