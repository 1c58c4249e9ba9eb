import Foundation
import Model

extension IAMNormalizer {
    /// The state of one IAM normalization: the identities built so far (indexed by ARN),
    /// coverage, the document interner, and what has already been noted once.
    struct Run {
        var identities: [Identity] = []
        private(set) var index: [String: Int] = [:]
        var coverage = Coverage()
        var interner = PolicyInterner()
        /// `account|policy ARN` pairs already reported as missing a document.
        var notedMissing: Set<String> = []

        /// Adds an identity, or returns the index of the one with the same ARN.
        @discardableResult
        mutating func add(_ identity: Identity) -> Int {
            if let existing = index[identity.id] { return existing }
            index[identity.id] = identities.count
            identities.append(identity)
            return identities.count - 1
        }

        func position(of arn: String) -> Int? { index[arn] }
    }
}
