import Foundation
import ProviderKit
import SourceText

/// Reads the AWS files of an input into raw documents: the `SnapshotReading` of `AWSProvider`.
///
/// A file is AWS's when its path names an AWS call (`s3/buckets/logs/get-bucket-acl.json`, a
/// `manifest.json`), else when its content says so (a credential report, an AWS Config
/// snapshot, an answer's top-level keys). Never throws: a file it takes and cannot use is
/// recorded as a problem (scan incomplete).
public struct AWSSnapshotReader: SnapshotReading {
    private var snapshot = RawSnapshot()

    public init() {}

    public mutating func take(_ file: InputFile) -> Bool {
        var kind = FileClassifier.classify(relative: file.relative)
        switch file.content {
        case let .failure(problem):
            // Name the call the file would have answered, so that its data set is known to be
            // incomplete (an empty get-bucket-policy file must not read as "no policy").
            guard case let .call(classification) = kind else { return false }
            snapshot.problems.append(SnapshotError(source: problem.source, call: classification.call, region: classification.region,
                                                   message: problem.message))
            return true
        case let .success(data):
            if kind == .unknown { kind = sniff(data) }
            switch kind {
            case .manifest:
                guard Self.isAWSManifest(data) else { return false }
                readManifest(data, path: file.path)
            case .awsConfig:
                snapshot.merge(AWSConfigReader.read(data, source: file.path))
            case let .call(classification):
                snapshot.documents.append(document(data, classification: classification, source: file.path))
            case .unknown:
                return false
            }
            return true
        }
    }

    public func finish() -> RawSnapshot { snapshot }

    /// A manifest that names another format belongs to another provider's bundle.
    private static func isAWSManifest(_ data: Data) -> Bool {
        struct Format: Decodable { var format: String? }
        guard let format = (try? JSONText.decoder.decode(Format.self, from: data))?.format else { return true }
        return format == "posture-aws-bundle"
    }

    /// Classifies a file by its content when its name says nothing.
    private func sniff(_ data: Data) -> FileClassifier.Kind {
        if FileClassifier.isCredentialReportCSV(data) { return .call(.init(call: .getCredentialReport)) }
        guard let keys = try? JSONText.decoder.decode(TopLevelKeys.self, from: data) else { return .unknown }
        return FileClassifier.classify(topLevelKeys: keys.keys)
    }

    private mutating func readManifest(_ data: Data, path: String) {
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
        BundleReader.document(data, classification: classification, source: source)
    }
}

/// Reads an AWS snapshot — a bundle folder, a folder of exports, or one file — on its own,
/// without the other providers: the files AWS does not take are listed as ignored.
public struct BundleReader: Sendable {
    public var loader = InputLoader()

    public init() {}

    public func read(_ path: String) -> RawSnapshot {
        let (files, problems) = loader.files(path)
        var reader = AWSSnapshotReader()
        var unclaimed = RawSnapshot()
        unclaimed.problems = problems.map { SnapshotError(source: $0.source, message: $0.message) }
        for file in files where !reader.take(file) {
            switch file.content {
            case let .failure(problem): unclaimed.problems.append(SnapshotError(source: problem.source, message: problem.message))
            case .success: unclaimed.ignored.append("\(file.path): not a recognised AWS export")
            }
        }
        var snapshot = unclaimed
        snapshot.merge(reader.finish())
        return snapshot
    }

    /// The document for a classified file (also what tests build documents with).
    func document(_ data: Data, classification: FileClassifier.Classification, source: String) -> SnapshotDocument {
        Self.document(data, classification: classification, source: source)
    }

    static func document(_ data: Data, classification: FileClassifier.Classification, source: String) -> SnapshotDocument {
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
