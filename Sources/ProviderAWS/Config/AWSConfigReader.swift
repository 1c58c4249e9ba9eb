import Foundation

/// AWS Config snapshots, history files and bare configuration items, turned into the same API
/// answers a bundle holds (so that one normalizer serves every input).
enum AWSConfigReader {
    /// Reads one AWS Config file. (Filled in by the AWS Config work; until then the file is
    /// listed as ignored, never silently dropped.)
    static func read(_ data: Data, source: String) -> RawSnapshot {
        var snapshot = RawSnapshot()
        snapshot.ignored.append("\(source): AWS Config files are not read yet")
        return snapshot
    }
}
