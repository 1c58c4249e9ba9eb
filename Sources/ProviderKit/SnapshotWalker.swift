import Foundation

/// Lists the regular files under a folder, following symbolic links but never into a loop,
/// and in a stable (sorted) order so that scans are reproducible.
enum SnapshotWalker {
    struct File {
        let path: String
        /// Path inside the walked folder, `/`-separated.
        let relative: String
    }

    static let maxFiles = 200_000

    static func files(under root: String, problems: inout [InputProblem]) -> [File] {
        var files: [File] = []
        var visited: Set<String> = []
        walk(root, relative: "", files: &files, visited: &visited, problems: &problems)
        return files.sorted { $0.relative < $1.relative }
    }

    private static func walk(_ folder: String, relative: String, files: inout [File], visited: inout Set<String>, problems: inout [InputProblem]) {
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            problems.append(InputProblem(source: folder, message: "symbolic link loop; not followed again"))
            return
        }
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: folder) else {
            problems.append(InputProblem(source: folder, message: "cannot list folder"))
            return
        }
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            guard files.count < maxFiles else {
                problems.append(InputProblem(source: folder, message: "more than \(maxFiles) files; the rest were not read"))
                return
            }
            let path = (folder as NSString).appendingPathComponent(entry)
            let inside = relative.isEmpty ? entry : relative + "/" + entry
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(InputProblem(source: path, message: "broken symbolic link or unreadable entry"))
                continue
            }
            if isDirectory.boolValue {
                walk(path, relative: inside, files: &files, visited: &visited, problems: &problems)
            } else {
                files.append(File(path: path, relative: inside))
            }
        }
    }
}
