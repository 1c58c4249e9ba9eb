import Foundation
import SourceText

/// Reads an AWS snapshot from a folder or a single file into raw documents.
///
/// Never throws: every file that cannot be used is recorded as a problem (scan incomplete)
/// or as ignored (not a snapshot file), with the reason.
public struct BundleReader: Sendable {
    /// Files above this size are refused: no real export is this large, and reading one
    /// would exhaust memory.
    public var maxFileBytes = 512 * 1024 * 1024

    public init() {}

    /// Reads `path`: a bundle folder, a folder of exports, or one file.
    public func read(_ path: String) -> RawSnapshot {
        var snapshot = RawSnapshot()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            snapshot.problems.append(SnapshotError(source: path, message: "no such file or folder"))
            return snapshot
        }
        if !isDirectory.boolValue {
            readFile(path, relative: (path as NSString).lastPathComponent, into: &snapshot)
            return snapshot
        }
        let files = SnapshotWalker.files(under: path, problems: &snapshot.problems)
        if files.isEmpty && snapshot.problems.isEmpty {
            snapshot.problems.append(SnapshotError(source: path, message: "the folder holds no files"))
        }
        for file in files { readFile(file.path, relative: file.relative, into: &snapshot) }
        return snapshot
    }

    private func readFile(_ path: String, relative: String, into snapshot: inout RawSnapshot) {
        let data: Data
        var kind = FileClassifier.classify(relative: relative)
        switch load(path) {
        case let .success(loaded): data = loaded
        case let .failure(error):
            // Name the call the file would have answered, so that its data set is known to be
            // incomplete (an empty get-bucket-policy file must not read as "no policy").
            if case let .call(classification) = kind {
                snapshot.problems.append(SnapshotError(source: error.source, call: classification.call, region: classification.region, message: error.message))
            } else {
                snapshot.problems.append(error)
            }
            return
        }
        if kind == .unknown { kind = sniff(data) }
        switch kind {
        case .manifest:
            readManifest(data, path: path, into: &snapshot)
        case .awsConfig:
            snapshot.merge(AWSConfigReader.read(data, source: path))
        case let .call(classification):
            snapshot.documents.append(document(data, classification: classification, source: path))
        case .unknown:
            snapshot.ignored.append("\(path): not a recognised AWS export")
        }
    }

    private func load(_ path: String) -> Result<Data, SnapshotError> {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue else {
            return .failure(SnapshotError(source: path, message: "cannot read file"))
        }
        if size > maxFileBytes {
            return .failure(SnapshotError(source: path, message: "file is \(size) bytes, over the limit of \(maxFileBytes); skipped"))
        }
        guard let raw = FileManager.default.contents(atPath: path) else {
            return .failure(SnapshotError(source: path, message: "cannot read file"))
        }
        if path.hasSuffix(".gz") || Gzip.isGzip(raw) {
            guard Gzip.isGzip(raw) else { return .failure(SnapshotError(source: path, message: "named .gz but is not gzip data")) }
            do {
                return .success(try Gzip.decompress(raw, limit: maxFileBytes))
            } catch {
                return .failure(SnapshotError(source: path, message: error.message))
            }
        }
        if raw.isEmpty { return .failure(SnapshotError(source: path, message: "file is empty")) }
        return .success(raw)
    }

    /// Classifies a file by its content when its name says nothing.
    private func sniff(_ data: Data) -> FileClassifier.Kind {
        if FileClassifier.isCredentialReportCSV(data) { return .call(.init(call: .getCredentialReport)) }
        guard let keys = try? JSONText.decoder.decode(TopLevelKeys.self, from: data) else { return .unknown }
        return FileClassifier.classify(topLevelKeys: keys.keys)
    }

    private func readManifest(_ data: Data, path: String, into snapshot: inout RawSnapshot) {
        struct Manifest: Decodable {
            var account: String?
            var regions: [String]?
            var collected: Date?
        }
        do {
            let manifest = try JSONText.decoder.decode(Manifest.self, from: data)
            snapshot.manifestAccount = manifest.account
            snapshot.manifestRegions = manifest.regions ?? []
            snapshot.collected = manifest.collected
        } catch let error as DecodingError {
            snapshot.problems.append(SnapshotError(source: path, message: "manifest: \(JSONText.describe(error))"))
        } catch {
            snapshot.problems.append(SnapshotError(source: path, message: "manifest: \(error)"))
        }
    }

    /// The document for a classified file: JSON body, CSV credential report, or error answer.
    func document(_ data: Data, classification: FileClassifier.Classification, source: String) -> SnapshotDocument {
        let call = classification.call
        if call == .getCredentialReport, FileClassifier.isCredentialReportCSV(data) {
            let wrapped = #"{"Content":""# + data.base64EncodedString() + #"","ReportFormat":"text/csv"}"#
            return SnapshotDocument(call: call, subject: classification.subject, region: classification.region, source: source, payload: .json(Data(wrapped.utf8)))
        }
        if let error = ErrorAnswer.parse(data) {
            return SnapshotDocument(call: call, subject: classification.subject, region: classification.region, source: source,
                                    payload: .error(code: error.code, message: error.message))
        }
        return SnapshotDocument(call: call, subject: classification.subject, region: classification.region, source: source, payload: .json(data))
    }
}

/// The top-level keys of a JSON object, for sniffing a file's kind without decoding it.
struct TopLevelKeys: Decodable {
    let keys: Set<String>

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue _: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        keys = Set(container.allKeys.map(\.stringValue))
    }
}

/// An error answer saved in a file: botocore's `{"Error": {"Code", "Message"}}`, or the AWS
/// CLI's line `An error occurred (Code) when calling the Op operation: message`.
enum ErrorAnswer {
    static func parse(_ data: Data) -> (code: String, message: String)? {
        if data.count < 4096, let text = String(data: data, encoding: .utf8),
           let match = text.range(of: #"An error occurred \(([A-Za-z0-9.]+)\)[^:]*: ?"#, options: .regularExpression) {
            let head = text[match]
            let code = head.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }
            return (String(code), tidy(String(text[match.upperBound...])))
        }
        struct Body: Decodable {
            struct Inner: Decodable {
                var Code: String
                var Message: String?
            }
            var Error: Inner
        }
        guard data.count < 65_536, let body = try? JSONDecoder().decode(Body.self, from: data) else { return nil }
        return (body.Error.Code, tidy(body.Error.Message ?? ""))
    }

    /// Error messages are shown one per line: markup stripped (a proxy's HTML error page),
    /// whitespace collapsed, and long ones cut.
    static func tidy(_ message: String) -> String {
        let text = message.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return text.count > 240 ? String(text.prefix(240)) + "…" : text
    }
}
