import Foundation
import ProviderKit
import SourceText

/// A live collection as the files of a snapshot bundle (`posture snapshot aws --out DIR`): the
/// layout of `snapshots/README.md`, one file per answer, error answers as botocore's
/// `{"Error": {...}}`, and a manifest. Reading those files back gives the same snapshot.
enum AWSBundle {
    static func files(documents: [SnapshotDocument], account: String, regions: [String], collected: Date,
                      tool: String) throws(BundleWriter.Failure) -> [BundleFile] {
        var files: [BundleFile] = []
        for document in documents {
            guard let path = BundleLayout.path(document.call, subject: document.subject, region: document.region) else { continue }
            files.append(BundleFile(path: path, data: try body(of: document, path: path)))
        }
        files.append(BundleFile(path: "manifest.json", data: manifest(account: account, regions: regions, collected: collected, tool: tool)))
        return files
    }

    static func body(of document: SnapshotDocument, path: String) throws(BundleWriter.Failure) -> Data {
        switch document.payload {
        case let .json(data): return data
        case let .value(value):
            // A typed answer is printed as the CLI v1 prints one: epoch-second dates (ISO 8601
            // would drop the milliseconds), here with sorted keys.
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .secondsSince1970
            encoder.outputFormatting = .sortedKeys
            guard let encodable = value as? any Encodable, let data = try? encoder.encode(encodable) else {
                throw BundleWriter.Failure(description: "\(path): the typed answer \(type(of: value)) cannot be written as JSON")
            }
            return data
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
    public func bundleFiles(tool: String) throws(BundleWriter.Failure) -> [BundleFile] {
        var files: [BundleFile] = []
        for entry in entries { files.append(BundleFile(path: entry.path, data: try AWSBundle.body(of: entry.document, path: entry.path))) }
        files += try AWSBundle.files(documents: [], account: account, regions: regions, collected: collected, tool: tool)
        return files
    }
}
