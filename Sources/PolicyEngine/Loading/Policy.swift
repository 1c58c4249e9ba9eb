import CEL
import Findings
import Foundation
import Model
import SourceText

/// A loaded, checked policy: metadata plus its compiled violation condition and message.
///
/// Expressions are parsed and checked once, when the policy loads; evaluation only runs them.
/// A class, because evaluation hands the same policy to every resource of its kind.
public final class Policy: Sendable {
    public let id: String
    public let title: String
    public let description: String?
    public let severity: Severity
    public let resource: ResourceKind
    public let provider: ProviderID
    /// A domain id from the responsibility map.
    public let responsibility: String
    /// Framework id with version (e.g. `cis-aws-foundations-5.0`) → control ids.
    public let frameworks: [String: [String]]
    /// Data sets the policy needs (e.g. `credential-report`; `a|b` means either); without them it is not assessed.
    public let requires: [String]
    /// Named values the violation and message use as `variables.NAME`, in order.
    public let variables: [PolicyVariable]
    /// True means the resource violates the policy.
    public let violation: CompiledExpression
    public let message: MessageTemplate
    public let remediation: String?
    public let references: [String]
    public let examples: PolicyExamples
    /// Where the policy's mapping starts.
    public let location: SourceLocation
    /// `requires`, each entry split into its alternatives once, for evaluation.
    let requirements: [[String]]
    /// The resource fields the violation and the message read: only those are converted.
    public let fields: FieldSelection

    init(
        id: String, title: String, description: String?, severity: Severity, resource: ResourceKind, provider: ProviderID,
        responsibility: String, frameworks: [String: [String]], requires: [String], variables: [PolicyVariable], violation: CompiledExpression,
        message: MessageTemplate, remediation: String?, references: [String], examples: PolicyExamples, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.severity = severity
        self.resource = resource
        self.provider = provider
        self.responsibility = responsibility
        self.frameworks = frameworks
        self.requires = requires
        self.variables = variables
        self.violation = violation
        self.message = message
        self.remediation = remediation
        self.references = references
        self.examples = examples
        self.location = location
        requirements = requires.map { $0.split(separator: "|").map(String.init) }
        fields = message.parts.reduce(violation.fields) { selection, part in
            if case let .expression(expression) = part { return selection.union(expression.fields) }
            return selection
        }
    }
}

/// A CEL expression compiled for one resource kind, with where it came from.
public struct CompiledExpression: Sendable {
    public let source: String
    public let program: Program
    public let location: SourceLocation
    /// The resource fields it reads.
    public let fields: FieldSelection
}

/// A named value of a policy (`variables: {paths: "iam.permittedCombinations(…)"}`), used in its
/// violation and message as `variables.paths`.
public struct PolicyVariable: Sendable {
    public let name: String
    public let source: String
    public let location: SourceLocation
}

/// The `examples` of a policy: resources that must fail it, resources that must pass it, and
/// inputs lacking data it needs, on which it must be *not assessed*. SwiftLint's triggering and
/// non-triggering examples, for policies: one generic test runs them all.
public struct PolicyExamples: Sendable {
    /// The scan time the examples assume (`examples.now`, default 2025-01-01T00:00:00Z).
    public let now: Date
    public let fail: [PolicyExample]
    public let pass: [PolicyExample]
    public let notAssessed: [PolicyExample]

    public init(now: Date, fail: [PolicyExample], pass: [PolicyExample], notAssessed: [PolicyExample] = []) {
        self.now = now
        self.fail = fail
        self.pass = pass
        self.notAssessed = notAssessed
    }

    public static let defaultNow = Date(timeIntervalSince1970: 1_735_689_600) // 2025-01-01T00:00:00Z
}

/// One example resource, already converted to a CEL value.
public struct PolicyExample: Sendable {
    public let value: CELValue
    public let location: SourceLocation
    /// The message a `fail` example must render, when it says.
    public let message: String?
    /// The data sets (or resource settings, `bucket.policy`) the input lacks: a `notAssessed`
    /// example names what is missing; the others assume every data set is present.
    public let missing: [String]

    public init(value: CELValue, location: SourceLocation, message: String? = nil, missing: [String] = []) {
        self.value = value
        self.location = location
        self.message = message
        self.missing = missing
    }
}
