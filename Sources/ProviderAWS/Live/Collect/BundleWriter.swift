import Foundation

/// Writes a live collection as a snapshot bundle (`posture snapshot aws --out DIR`): the
/// layout of `snapshots/README.md`, one file per answer, error answers as botocore's
/// `{"Error": {...}}`, and a manifest. The bundle describes the account, so the folder is
/// created 0700 and every file 0600; it holds nothing from the credentials.
public struct BundleWriter: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public var tool: String

    public init(tool: String) { self.tool = tool }

    /// Writes into `folder`, which must not exist or be empty (an export never mixes with
    /// older files). Each file is written under a temporary name and renamed.
    public func write(_ collection: LiveCollection, to folder: String) throws(Failure) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure(description: "\(folder) exists and is not a folder") }
            let contents = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
            guard contents.isEmpty else { throw Failure(description: "\(folder) is not empty; give a new or empty folder") }
        }
        try makeFolder(folder)
        // An existing empty folder keeps its mode otherwise.
        try? manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder)
        for entry in collection.entries {
            let path = (folder as NSString).appendingPathComponent(entry.path)
            try makeFolder((path as NSString).deletingLastPathComponent)
            try writeFile(try body(of: entry.document, path: path), to: path)
        }
        try writeFile(manifest(collection), to: (folder as NSString).appendingPathComponent("manifest.json"))
    }

    private func body(of document: SnapshotDocument, path: String) throws(Failure) -> Data {
        switch document.payload {
        case let .json(data): return data
        case let .value(value):
            // A typed answer is printed as the CLI v1 prints one: epoch-second dates (ISO 8601
            // would drop the milliseconds), here with sorted keys.
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .secondsSince1970
            encoder.outputFormatting = .sortedKeys
            guard let encodable = value as? any Encodable, let data = try? encoder.encode(encodable) else {
                throw Failure(description: "\(path): the typed answer \(type(of: value)) cannot be written as JSON")
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

    private func manifest(_ collection: LiveCollection) -> Data {
        struct Manifest: Encodable {
            var format = "posture-aws-bundle"
            var version = 1
            var account: String
            var collected: String
            var regions: [String]
            var tool: String
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let manifest = Manifest(account: collection.account, collected: formatter.string(from: collection.collected),
                                regions: collection.regions, tool: tool)
        return (try? encoder.encode(manifest)) ?? Data()
    }

    private func makeFolder(_ path: String) throws(Failure) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure(description: "\(path): cannot create the folder: \(error.localizedDescription)")
        }
    }

    private func writeFile(_ data: Data, to path: String) throws(Failure) {
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw Failure(description: "\(path): cannot write the file")
        }
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            throw Failure(description: "\(path): cannot write the file: \(error.localizedDescription)")
        }
    }
}
