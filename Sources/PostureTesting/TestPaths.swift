import Foundation

/// Paths tests need: the package root, the shared material beside it, scratch folders.
public enum TestPaths {
    /// The package root, found from a source file's path (`#filePath` of the caller).
    public static func packageRoot(from filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// `../shared` beside the package root, when present (absent in a user's own clone).
    public static func shared(_ relative: String, from filePath: String = #filePath) -> URL? {
        let url = packageRoot(from: filePath).deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The repository's policy folder.
    public static func policies(from filePath: String = #filePath) -> URL {
        packageRoot(from: filePath).appendingPathComponent("policies")
    }

    /// A new empty folder under the system's temporary folder.
    public static func temporaryFolder(_ name: String = "posture-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A scratch folder of files written by a test.
public struct ScratchFolder {
    public let url: URL

    public init(_ name: String = "posture-test") throws {
        url = try TestPaths.temporaryFolder(name)
    }

    /// Writes `text` to `relative` (creating folders) and returns the file's path.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    public func write(_ relative: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    public func path(_ relative: String = "") -> String {
        relative.isEmpty ? url.path : url.appendingPathComponent(relative).path
    }
}
