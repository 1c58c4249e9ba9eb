import Foundation
import ProviderKit
import Reporting

/// `posture snapshot PROVIDER --out DIR`: collect live and write the bundle an offline scan
/// reads back to the same findings; evaluate nothing.
public enum SnapshotExport {
    /// 0 written, 3 written but some calls failed (listed), 2 nothing could be collected or written.
    public static func run(_ collector: any LiveCollector, label: String, to folder: String, tool: String,
                           events: any ScanEvents) async -> ExitDecision.Outcome {
        let progress = CollectionProgress()
        await events.collectionStarted(label: label, progress: progress)
        let result = await export(collector, progress: progress, folder: folder, tool: tool)
        await events.collectionFinished(label: label)
        switch result {
        case let .failure(failure):
            events.message("error: \(failure.description)")
            return .inputError
        case let .success((files, failures)):
            for failure in failures.prefix(50) { events.message("  \(failure)") }
            if failures.count > 50 { events.message("  … and \(failures.count - 50) more") }
            events.info("\(label): wrote \(folder) (\(files) files)")
            return failures.isEmpty ? .clean : .incomplete
        }
    }

    private static func export<C: LiveCollector>(_ collector: C, progress: CollectionProgress, folder: String, tool: String) async
        -> Result<(files: Int, failures: [String]), ScanFailure> {
        do {
            let collected = try await collector.collect(progress: progress)
            let files = try collector.provider.bundle(collected.snapshot, tool: tool)
            try BundleWriter().write(files, to: folder)
            return .success((files.count - 1, collected.failures))
        } catch let failure as LiveCollectionFailure {
            return .failure(ScanFailure(failure.description))
        } catch let failure as BundleWriter.Failure {
            return .failure(ScanFailure(failure.description))
        } catch {
            return .failure(ScanFailure("\(error)"))
        }
    }
}
