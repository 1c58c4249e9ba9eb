import CSV
import Foundation
import SourceText

/// The IAM credential report: `aws iam get-credential-report` prints `{"Content": "<base64
/// CSV>", …}`; some exports (CloudMapper's) hold the CSV text itself in `Content`.
struct CredentialReport {
    /// `{"Content", "ReportFormat", "GeneratedTime"}`.
    struct Answer: Decodable {
        var Content: String?
        var GeneratedTime: Date?
    }

    /// A cell of the report: AWS writes `N/A` (does not apply), `no_information` (never
    /// recorded) and `not_supported` (root password fields) where there is no value.
    enum Cell: Equatable {
        case value(String)
        case notApplicable, noInformation, notSupported, missing

        init(_ text: String?) {
            guard let text else { self = .missing; return }
            switch text {
            case "N/A": self = .notApplicable
            case "no_information": self = .noInformation
            case "not_supported": self = .notSupported
            case "": self = .missing
            default: self = .value(text)
            }
        }

        var text: String? { if case let .value(text) = self { return text } else { return nil } }
        var date: Date? { text.flatMap({ RFC3339.parse($0, .lenient) }) }
        /// `true`/`false`; nil for anything else (`not_supported`, `N/A`).
        var bool: Bool? {
            switch text { case "true": true; case "false": false; default: nil }
        }
    }

    /// One row, by column name.
    struct Row {
        let cells: [String: String]
        /// Line in the CSV (the header is line 1), for error messages.
        let line: Int

        subscript(_ column: String) -> Cell { Cell(cells[column]) }
        var user: String { cells["user"] ?? "" }
        var arn: String { cells["arn"] ?? "" }
        var isRoot: Bool { user == "<root_account>" }
    }

    var rows: [Row]
    var generated: Date?

    /// The CSV text in `Content`: base64 as the API gives it, or the CSV itself.
    static func csvText(_ content: String) -> String? {
        let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("user,arn,") { return trimmed }
        guard let data = Data(base64Encoded: trimmed, options: .ignoreUnknownCharacters) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// The rows of an answer's `Content`.
    static func rows(of answer: Answer) throws(SnapshotError) -> [Row] {
        guard let text = csvText(answer.Content ?? "") else {
            throw SnapshotError(source: "", message: "Content is neither base64 nor CSV text")
        }
        return try parse(csv: text)
    }

    /// Parses the CSV. Throws a message when it is not a credential report (no `user`/`arn`
    /// columns) or a row is malformed; missing columns in a row read as missing cells.
    static func parse(csv text: String) throws(SnapshotError) -> [Row] {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw SnapshotError(source: "", message: "credential report: not CSV (\(error))")
        }
        guard let header = reader.headerRow, header.contains("user"), header.contains("arn") else {
            throw SnapshotError(source: "", message: "credential report: the header has no user and arn columns")
        }
        var rows: [Row] = []
        var line = 1
        while let fields = reader.next() {
            line += 1
            if fields.count == 1, fields[0].isEmpty { continue } // a blank line
            var cells: [String: String] = [:]
            for (index, name) in header.enumerated() where index < fields.count { cells[name] = fields[index] }
            let row = Row(cells: cells, line: line)
            guard row.arn.hasPrefix("arn:") else {
                throw SnapshotError(source: "", message: "credential report line \(row.line): no ARN in the arn column")
            }
            rows.append(row)
        }
        if let error = reader.error {
            throw SnapshotError(source: "", message: "credential report line \(line + 1): \(error)")
        }
        return rows
    }
}
