import Foundation

extension ReportFormat {
    /// The report in this format. `report` should list passes when the user asked for them
    /// (`--include-pass`) or when the format always lists them (JUnit).
    public func render(_ report: ScanReport, context: ReportContext, gate: ExitDecision.Gate) throws -> String {
        switch self {
        case .text: TextReport.render(report)
        case .json: try JSONReport.render(report)
        case .sarif: try SARIFReport.render(report, context: context)
        case .junit: JUnitReport.render(report)
        case .ocsf: try OCSFReport.render(report, context: context)
        case .csv: CSVReport.render(report)
        case .markdown: MarkdownReport.render(report, gate: gate)
        case .html: HTMLReport.render(report, context: context, gate: gate)
        }
    }
}

extension OutputTarget {
    /// Writes the rendered report to its file, atomically (a reader never sees half a report).
    /// A path that exists and is not a regular file — `/dev/null`, `/dev/stdout`, a FIFO — is
    /// written in place: an atomic write renames a temporary file over the path, which would
    /// replace the device itself (as root, `-o /dev/null` would leave a regular file there).
    public func write(_ text: String) throws {
        guard let path else { return }
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        if let type, type != .typeRegular {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            defer { try? handle.close() }
            try handle.write(contentsOf: Data(text.utf8))
            return
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
