import Foundation
import Model
import PostureTesting
@testable import ProviderAWS

/// Helpers for the S3 tests: reading c7n placebo recordings (unwrapping belongs here, not in
/// the product), building snapshots from answers, and normalizing them.
enum S3TestSupport {
    /// The corpus file, or nil when `../shared` is absent.
    static func corpus(_ relative: String) -> URL? { TestPaths.shared("corpus/aws/" + relative) }

    static func json(_ url: URL) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }

    /// A placebo recording `{status_code, data}` → the body a bundle file would hold: `data`
    /// without `ResponseMetadata`, placebo datetime dicts turned into ISO 8601 text.
    static func unwrapPlacebo(_ recording: Any) throws -> Data {
        guard let object = recording as? [String: Any], var body = object["data"] as? [String: Any] else {
            throw S3TestError.shape("not a placebo recording")
        }
        body.removeValue(forKey: "ResponseMetadata")
        return try JSONSerialization.data(withJSONObject: placeboDates(body), options: [.sortedKeys])
    }

    /// Replaces `{"__class__": "datetime", "year": …}` by `2017-09-15T02:05:40Z`, anywhere.
    static func placeboDates(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            if object["__class__"] as? String == "datetime" {
                func part(_ key: String) -> Int { object[key] as? Int ?? 0 }
                return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", part("year"), part("month"), part("day"),
                              part("hour"), part("minute"), part("second"))
            }
            return object.mapValues(placeboDates)
        }
        if let list = value as? [Any] { return list.map(placeboDates) }
        return value
    }

    /// The document a bundle file with these bytes becomes (same path as `BundleReader`).
    static func document(_ call: AWSCall, bucket: String? = nil, _ data: Data, source: String = "fixture.json") -> SnapshotDocument {
        BundleReader().document(data, classification: .init(call: call, subject: bucket, region: nil), source: source)
    }

    static func document(_ call: AWSCall, bucket: String? = nil, _ text: String, source: String = "fixture.json") -> SnapshotDocument {
        document(call, bucket: bucket, Data(text.utf8), source: source)
    }

    /// A one-bucket listing.
    static func listing(_ names: String...) -> SnapshotDocument {
        let entries = names.map { #"{"Name": "\#($0)", "CreationDate": "2020-01-02T03:04:05+00:00"}"# }.joined(separator: ",")
        return document(.listBuckets, #"{"Buckets": [\#(entries)], "Owner": {"ID": "abc"}}"#, source: "s3/list-buckets.json")
    }

    /// Normalizes documents as one account's snapshot.
    static func normalize(_ documents: [SnapshotDocument], account: String = "111122223333") -> Inventory {
        var snapshot = RawSnapshot()
        snapshot.manifestAccount = account
        snapshot.documents = documents
        return AWSNormalizer.normalize(snapshot)
    }

    /// Reads AWS Config items (already bare items) through the product's Config reader.
    static func configSnapshot(_ items: [Any], source: String = "config.json") throws -> RawSnapshot {
        let data = try JSONSerialization.data(withJSONObject: ["configurationItems": items])
        return AWSConfigReader.read(data, source: source)
    }

    /// A bucket with its `source` blanked, to compare two reading paths.
    static func sourceless(_ bucket: Bucket) -> Bucket {
        var copy = bucket
        copy.source = ResourceSource(kind: .file, location: "")
        return copy
    }
}

enum S3TestError: Error { case shape(String) }

extension Inventory {
    /// The bucket named `name` (tests only).
    func s3Bucket(_ name: String) -> Bucket? { buckets.first { $0.name == name } }

    func s3Coverage(_ account: String) -> [String] { accounts.first { $0.account == account }?.coverage ?? [] }
}
