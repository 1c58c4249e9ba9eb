import Foundation

/// Writes a snapshot bundle (`posture snapshot … --out DIR`): one file per answer, as the
/// provider lays them out. A bundle describes an account (users, policies, buckets), so the
/// folder is created 0700 and every file 0600; a provider's bundle holds nothing from its
/// credentials.
public struct BundleWriter: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public init() {}

    /// Writes `files` into `folder`, which must not exist or be empty (an export never mixes
    /// with older files). Each file is written under a temporary name and renamed.
    public func write(_ files: [BundleFile], to folder: String) throws(Failure) {
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
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file.path)
            try makeFolder((path as NSString).deletingLastPathComponent)
            try writeFile(file.data, to: path)
        }
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
