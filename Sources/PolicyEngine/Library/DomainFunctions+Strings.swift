import CEL

extension DomainFunctions {
    /// `list.join(separator) -> string`, as in cel-go's strings extension.
    static let join = FunctionDecl(
        name: "join",
        documentation: """
        list.join(separator) -> string: the strings of the list joined with the separator \
        (cel-go's strings extension); list.join() joins with nothing. \
        Example: ['iam:PassRole', 'ec2:RunInstances'].join(' + ') == 'iam:PassRole + ec2:RunInstances'.
        """,
        overloads: [
            FunctionOverload(id: "list_join_string", isMember: true, parameters: [.list(.string), .string], result: .string) {
                arguments throws(CELEvaluationError) in
                guard case let .string(separator) = arguments[1] else { throw CELEvaluationError("join separator must be a string") }
                return .string(try strings(arguments[0]).joined(separator: separator))
            },
            FunctionOverload(id: "list_join", isMember: true, parameters: [.list(.string)], result: .string) {
                arguments throws(CELEvaluationError) in
                .string(try strings(arguments[0]).joined())
            },
        ])

    private static func strings(_ value: CELValue) throws(CELEvaluationError) -> [String] {
        guard case let .list(items) = value else { throw CELEvaluationError("join needs a list of strings") }
        var result: [String] = []
        for item in items {
            guard case let .string(text) = item else { throw CELEvaluationError("join needs a list of strings, found \(item.typeName)") }
            result.append(text)
        }
        return result
    }
}
