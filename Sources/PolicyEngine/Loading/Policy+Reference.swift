import Findings

extension PolicyReference {
    /// The reference findings of `policy` carry.
    public convenience init(_ policy: Policy) {
        self.init(id: policy.id, title: policy.title, description: policy.description, severity: policy.severity,
                  responsibility: policy.responsibility, frameworks: policy.frameworks, remediation: policy.remediation,
                  references: policy.references, resource: policy.resource)
    }
}
