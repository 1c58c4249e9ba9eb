/// An error produced while evaluating an expression: a value of the evaluation, not a crash.
/// (`false && <error>` is `false`: the runtime absorbs errors where CEL says so.)
public struct CELEvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// Where in the expression the error arose, when known.
    public var position: SourcePosition?

    public init(_ message: String, position: SourcePosition? = nil) {
        self.message = message
        self.position = position
    }

    public var description: String {
        if let position { return "\(position): \(message)" }
        return message
    }
}
