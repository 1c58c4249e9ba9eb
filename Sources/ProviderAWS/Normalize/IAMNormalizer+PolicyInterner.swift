import Model

extension IAMNormalizer {
    /// Shares one stored copy of each distinct policy document: exports repeat the same
    /// inline and trust policies across thousands of roles, and every attachment of a managed
    /// policy refers to the one resolved document.
    struct PolicyInterner {
        private var table: [PolicyDocument: PolicyDocument] = [:]

        mutating func intern(_ document: PolicyDocument) -> PolicyDocument {
            if let stored = table[document] { return stored }
            table[document] = document
            return document
        }
    }
}
