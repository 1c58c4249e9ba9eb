import Foundation
import Model

/// A cloud provider as posture plugs it in: what it adds to the model, the API actions its
/// live collector may send, how it reads an export, and how it normalizes what it read into
/// the inventory. Reading an export and collecting live give the same `Snapshot`, and both go
/// through the one `normalize`: live and offline share every step after the raw documents.
///
/// A provider is a module (ProviderAWS), a policy folder (policies/aws) and one entry in the
/// `ProviderRegistry` the executable builds; nothing else names it.
public protocol CloudProvider: Sendable {
    /// The provider's raw documents, before normalization.
    associatedtype Snapshot: ProviderSnapshot
    /// Reads one input's files into a `Snapshot`.
    associatedtype Reader: SnapshotReading where Reader.Snapshot == Snapshot

    var id: ProviderID { get }
    /// Its data sets, the sections it adds to the neutral kinds, kinds of its own.
    var model: ModelExtension { get }
    /// Every API action (`s3:GetBucketAcl`) its live collector can send: what the read-only test
    /// enumerates and the least-privilege policy grants.
    var apiActions: [String] { get }

    /// A reader for one input (a folder or a file named `root`).
    func makeReader(root: String) -> Reader
    /// The inventory a snapshot describes, read from files or collected live.
    func normalize(_ snapshot: Snapshot) -> Inventory
    /// The files of a bundle that holds `snapshot` (`posture snapshot`), manifest included;
    /// reading them back gives the same snapshot.
    /// - Throws: when a document cannot be written as a file.
    func bundle(_ snapshot: Snapshot, tool: String) throws(BundleWriter.Failure) -> [BundleFile]
}

/// What a provider read or collected, before normalization.
public protocol ProviderSnapshot: Sendable {
    /// Nothing usable was read.
    var isEmpty: Bool { get }
    /// Why nothing was read, one line each (for "no AWS configuration found: …").
    var emptyReasons: [String] { get }
    /// When the input was collected (a manifest's time): offline scans evaluate as of it, so a
    /// snapshot gives the same findings whenever it is scanned.
    var collected: Date? { get }
}

/// Reads the files of one input that belong to a provider. Files are offered in the input's
/// stable order; a file the reader does not take is offered to the next provider.
public protocol SnapshotReading {
    associatedtype Snapshot: ProviderSnapshot
    /// Takes `file` when it is this provider's (by its path, else its content); false leaves it.
    mutating func take(_ file: InputFile) -> Bool
    /// Everything taken, read, with the problems met.
    func finish() -> Snapshot
}

/// One file of a snapshot bundle, relative to the bundle folder.
public struct BundleFile: Sendable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}
