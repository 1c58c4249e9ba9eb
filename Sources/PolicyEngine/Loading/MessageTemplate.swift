import CEL

/// A finding message with `{{ expr }}` placeholders, each a CEL expression compiled at load time.
public struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case expression(CompiledExpression)
    }

    let parts: [Part]
    public let source: String

    /// Renders the message for one resource; an expression that fails yields the error.
    public func render(_ activation: Activation) -> Result<String, CELEvaluationError> {
        var output = ""
        for part in parts {
            switch part {
            case let .text(text):
                output += text
            case let .expression(expression):
                switch expression.program.evaluate(activation) {
                case let .success(value): output += CELValueFormatter.display(value)
                case let .failure(error): return .failure(error)
                }
            }
        }
        return .success(output)
    }

    /// Splits `source` into text and `{{ … }}` expressions; the ranges are Unicode-scalar offsets.
    struct TemplateError: Error {
        let offset: Int
        let message: String
    }

    static func split(_ source: String) -> Result<[(isExpression: Bool, text: String, offset: Int)], TemplateError> {
        let scalars = Array(source.unicodeScalars)
        var pieces: [(Bool, String, Int)] = []
        var index = 0, textStart = 0
        while index < scalars.count {
            if scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" {
                if index > textStart { pieces.append((false, string(scalars[textStart..<index]), textStart)) }
                guard let close = findClose(scalars, from: index + 2) else {
                    return .failure(TemplateError(offset: index, message: "'{{' without a matching '}}'"))
                }
                pieces.append((true, string(scalars[(index + 2)..<close]), index + 2))
                index = close + 2
                textStart = index
            } else {
                index += 1
            }
        }
        if textStart < scalars.count { pieces.append((false, string(scalars[textStart...]), textStart)) }
        return .success(pieces)
    }

    private static func findClose(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == "}", scalars[index + 1] == "}" { return index }
            index += 1
        }
        return nil
    }

    private static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(slice))
    }
}
