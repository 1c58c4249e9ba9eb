import Foundation

/// One file of an input (a bundle folder's file, or the file given), read once and offered to
/// each provider's reader in turn: its path, its place in the folder, and its bytes (already
/// inflated when gzip) or why they could not be read.
public struct InputFile: Sendable {
    /// The file's path as it will be named in reports.
    public let path: String
    /// Its path inside the walked folder, `/`-separated (the file name for a lone file).
    public let relative: String
    public let content: Result<Data, InputProblem>

    public init(path: String, relative: String, content: Result<Data, InputProblem>) {
        self.path = path
        self.relative = relative
        self.content = content
    }
}

/// Something about an input that could not be used: a file that cannot be read, a folder that
/// cannot be listed. It makes the scan incomplete.
public struct InputProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file or folder (with `:LINE:COL` or a JSON path where known).
    public let source: String
    public let message: String

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    public var description: String { "\(source): \(message)" }
}

/// Reads an input's files: every regular file under a folder in a stable order (or the one file
/// given), each bounded in size and inflated when it is gzip data.
public struct InputLoader: Sendable {
    /// Files above this size are refused: no real export is this large, and reading one would
    /// exhaust memory.
    public var maxFileBytes = 512 * 1024 * 1024

    public init() {}

    /// The files of `path`, or the problems that kept them from being listed.
    public func files(_ path: String) -> (files: [InputFile], problems: [InputProblem]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return ([], [InputProblem(source: path, message: "no such file or folder")])
        }
        if !isDirectory.boolValue {
            return ([InputFile(path: path, relative: (path as NSString).lastPathComponent, content: load(path))], [])
        }
        var problems: [InputProblem] = []
        let found = SnapshotWalker.files(under: path, problems: &problems)
        if found.isEmpty && problems.isEmpty { problems.append(InputProblem(source: path, message: "the folder holds no files")) }
        return (found.map { InputFile(path: $0.path, relative: $0.relative, content: load($0.path)) }, problems)
    }

    /// The file's bytes, inflated when gzip.
    public func load(_ path: String) -> Result<Data, InputProblem> {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue else {
            return .failure(InputProblem(source: path, message: "cannot read file"))
        }
        if size > maxFileBytes {
            return .failure(InputProblem(source: path, message: "file is \(size) bytes, over the limit of \(maxFileBytes); skipped"))
        }
        guard let raw = FileManager.default.contents(atPath: path) else {
            return .failure(InputProblem(source: path, message: "cannot read file"))
        }
        if path.hasSuffix(".gz") || Gzip.isGzip(raw) {
            guard Gzip.isGzip(raw) else { return .failure(InputProblem(source: path, message: "named .gz but is not gzip data")) }
            do {
                return .success(try Gzip.decompress(raw, limit: maxFileBytes))
            } catch {
                return .failure(InputProblem(source: path, message: error.message))
            }
        }
        if raw.isEmpty { return .failure(InputProblem(source: path, message: "file is empty")) }
        return .success(raw)
    }
}
