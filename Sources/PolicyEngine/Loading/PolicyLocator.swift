import Foundation

/// Finds the built-in policy pack and the responsibility map that goes with a set of policy paths.
public enum PolicyLocator {
    /// Environment variable naming the built-in policy folder, for installs and tests.
    public static let environmentVariable = "POSTURE_POLICIES"

    /// The built-in pack: `$POSTURE_POLICIES`, else `share/posture/policies` beside the binary's
    /// prefix, else the nearest `policies/` holding a responsibility map in the binary's parent
    /// folders (a development build) or in the working directory.
    public static func builtInPolicies() -> String? {
        let manager = FileManager.default
        if let fromEnvironment = ProcessInfo.processInfo.environment[environmentVariable], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        let installed = executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/posture/policies").path
        if hasMap(installed, manager) { return installed }
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = folder.appendingPathComponent("policies").path
            if hasMap(candidate, manager) { return candidate }
            folder.deleteLastPathComponent()
        }
        let local = URL(fileURLWithPath: manager.currentDirectoryPath).appendingPathComponent("policies").path
        return hasMap(local, manager) ? local : nil
    }

    /// The responsibility map for `paths`: the first `responsibility.yaml` found in a given folder
    /// or its parents (or a given file's folder and its parents), else the built-in pack's.
    public static func responsibilityMap(for paths: [String]) -> String? {
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            var folder = URL(fileURLWithPath: path).standardizedFileURL
            if !isDirectory.boolValue { folder.deleteLastPathComponent() }
            for _ in 0..<8 {
                if hasMap(folder.path, manager) { return folder.appendingPathComponent(PolicyLoader.responsibilityFileName).path }
                if folder.path == "/" { break }
                folder.deleteLastPathComponent()
            }
        }
        return builtInPolicies().map { ($0 as NSString).appendingPathComponent(PolicyLoader.responsibilityFileName) }
    }

    private static func hasMap(_ folder: String, _ manager: FileManager) -> Bool {
        manager.fileExists(atPath: (folder as NSString).appendingPathComponent(PolicyLoader.responsibilityFileName))
    }
}
