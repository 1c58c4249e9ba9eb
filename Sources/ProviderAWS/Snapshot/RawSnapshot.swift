import Foundation
import Model

/// Everything read from a snapshot, before normalization: API answers, AWS Config items
/// (already turned into API answers of the same shape), what was ignored, what failed.
public struct RawSnapshot: Sendable {
    public var documents: [SnapshotDocument] = []
    /// Files that were not recognised, with the reason.
    public var ignored: [String] = []
    /// Files or documents that could not be read: they make the scan incomplete.
    public var problems: [SnapshotError] = []
    /// From `manifest.json`, when present.
    public var manifestAccount: String?
    public var manifestRegions: [String] = []
    /// When the snapshot was collected (manifest `collected`): offline scans evaluate "as of"
    /// this time by default, so that a snapshot gives the same findings whenever it is scanned.
    public var collected: Date?
    /// Files for an offline read; API calls for a live collection (resources' `source.kind`).
    public var origin: ResourceSource.Kind = .file

    public init() {}

    /// The documents of one call.
    public func documents(_ call: AWSCall) -> [SnapshotDocument] { documents.filter { $0.call == call } }

    public mutating func merge(_ other: RawSnapshot) {
        documents += other.documents
        ignored += other.ignored
        problems += other.problems
        manifestAccount = manifestAccount ?? other.manifestAccount
        manifestRegions += other.manifestRegions
        collected = collected ?? other.collected
    }
}
