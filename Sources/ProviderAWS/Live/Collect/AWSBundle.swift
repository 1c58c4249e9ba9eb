import Foundation
import ProviderKit
import SourceText

/// A live collection as the files of a snapshot bundle (`posture snapshot aws --out DIR`): the
/// layout of `snapshots/README.md`, one file per answer, error answers as botocore's
/// `{"Error": {...}}`, and a manifest. Reading those files back gives the same snapshot.
enum AWSBundle {
    static func files(documents: [SnapshotDocument], account: String, regions: [String], collected: Date, tool: String) -> [BundleFile] {
        var files: [BundleFile] = []
        for document in documents {
            guard let path = BundleLayout.path(document.call, subject: document.subject, region: document.region) else { continue }
            files.append(BundleFile(path: path, data: body(of: document)))
        }
        files.append(BundleFile(path: "manifest.json", data: manifest(account: account, regions: regions, collected: collected, tool: tool)))
        return files
    }

    static func body(of document: SnapshotDocument) -> Data {
        switch document.payload {
        case let .json(data): return data
        case let .error(code, message):
            struct ErrorAnswer: Encodable {
                struct Inner: Encodable { var Code: String; var Message: String }
                var Error: Inner
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return (try? encoder.encode(ErrorAnswer(Error: .init(Code: code, Message: message)))) ?? Data()
        }
    }

    private static func manifest(account: String, regions: [String], collected: Date, tool: String) -> Data {
        struct Manifest: Encodable {
            var format = "posture-aws-bundle"
            var version = 1
            var account: String
            var collected: String
            var regions: [String]
            var tool: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let manifest = Manifest(account: account, collected: RFC3339.string(from: collected), regions: regions, tool: tool)
        return (try? encoder.encode(manifest)) ?? Data()
    }
}

extension LiveCollection {
    /// The bundle files of this collection, each answer under the path it was filed at.
    public func bundleFiles(tool: String) -> [BundleFile] {
        var files = entries.map { BundleFile(path: $0.path, data: AWSBundle.body(of: $0.document)) }
        files += AWSBundle.files(documents: [], account: account, regions: regions, collected: collected, tool: tool)
        return files
    }
}
