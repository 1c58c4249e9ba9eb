import Foundation
import SourceText

/// One API answer from a snapshot: the call, what it is about, where it came from, and either
/// the answer (the JSON body the CLI printed, or the answer already typed) or the error the call
/// answered with.
public struct SnapshotDocument: Sendable {
    public enum Payload: Sendable {
        /// The JSON the AWS CLI prints for the call.
        case json(Data)
        /// The answer as the raw type the normalizer decodes it into (`S3Raw.Acl`,
        /// `CloudTrailDescribeTrails`, …): what an AWS Config item is read into, handed on as it
        /// is rather than printed as JSON to be read again.
        case value(any Sendable)
        /// An error answer: `NoSuchBucketPolicy` (data) or `AccessDenied` (a collection error).
        case error(code: String, message: String)
    }

    public let call: AWSCall
    /// The bucket, trail name or ARN, or key id the call was about.
    public let subject: String?
    public let region: String?
    /// The file (and, for wrapped recordings, the path inside it) the document came from.
    public let source: String
    public let payload: Payload
    /// The account the answer belongs to, when the input says (an AWS Config item's
    /// `awsAccountId`); nil for CLI answers that name none, such as `list-buckets`.
    public let account: String?

    public init(call: AWSCall, subject: String? = nil, region: String? = nil, source: String, payload: Payload, account: String? = nil) {
        self.call = call
        self.subject = subject
        self.region = region
        self.source = source
        self.payload = payload
        self.account = account
    }

    /// Whether the payload is an error code that means "not configured".
    public var isAbsentAnswer: Bool {
        if case let .error(code, _) = payload { return call.absentCodes.contains(code) }
        return false
    }

    /// Decodes the JSON body into `T`, or returns the typed answer that is a `T`; nil for an
    /// "absent" error answer. Any other error answer, a body that does not decode, or a typed
    /// answer of another type throws a `SnapshotError` naming the file (and JSON path).
    public func decode<T: Decodable>(_ type: T.Type) throws(SnapshotError) -> T? {
        switch payload {
        case let .error(code, message):
            if call.absentCodes.contains(code) { return nil }
            throw SnapshotError(source: source, call: call, region: region, code: code, message: message)
        case let .json(data):
            do throws(JSONText.Failure) {
                return try JSONText.decode(T.self, from: data)
            } catch {
                let place = error.line.map { "\(source):\($0):\(error.column ?? 1)" } ?? source
                throw SnapshotError(source: place, call: call, region: region, message: error.message)
            }
        case let .value(value):
            guard let typed = value as? T else {
                throw SnapshotError(source: source, call: call, region: region, message: "holds \(Swift.type(of: value)), not \(T.self)")
            }
            return typed
        }
    }
}

/// A snapshot document that could not be used, with its place.
public struct SnapshotError: Error, Sendable, CustomStringConvertible {
    public let source: String
    public let call: AWSCall?
    public let region: String?
    public let code: String?
    public let message: String

    public init(source: String, call: AWSCall? = nil, region: String? = nil, code: String? = nil, message: String) {
        self.source = source
        self.call = call
        self.region = region
        self.code = code
        self.message = message
    }

    public var description: String {
        "\(source): \(code.map { "\($0): " } ?? "")\(message)"
    }
}
