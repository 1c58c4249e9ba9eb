import CEL
import Foundation
import Model
import SourceText
import Yams

extension PolicyParser {
    func compileViolation(_ node: Node, compiler: ExpressionCompiler, reader: inout NodeReader) -> CompiledExpression? {
        guard case let .scalar(scalar) = node, let source = reader.nonEmptyString(node, what: "violation") else { return nil }
        let map = ScalarSourceMap(scalar: scalar, file: reader.file)
        switch compiler.compile(source, sourceMap: map, file: reader.file, expecting: .bool, what: "violation") {
        case let .success(compiled): return compiled
        case let .failure(diagnostics):
            reader.diagnostics += diagnostics.diagnostics
            return nil
        }
    }

    func compileMessage(_ node: Node, compiler: ExpressionCompiler, reader: inout NodeReader) -> MessageTemplate? {
        guard case let .scalar(scalar) = node, let source = reader.nonEmptyString(node, what: "message") else { return nil }
        let map = ScalarSourceMap(scalar: scalar, file: reader.file)
        switch MessageTemplate.split(source) {
        case let .failure(problem):
            reader.diagnostics.append(reader.file.diagnostic("template", "in message: \(problem.message)", at: map.location(ofOffset: problem.offset)))
            return nil
        case let .success(pieces):
            var parts: [MessageTemplate.Part] = []
            var failed = false
            for piece in pieces {
                guard piece.isExpression else { parts.append(.text(piece.text)); continue }
                switch compiler.compile(piece.text, offset: piece.offset, sourceMap: map, file: reader.file, what: "message") {
                case let .success(compiled): parts.append(.expression(compiled))
                case let .failure(diagnostics):
                    reader.diagnostics += diagnostics.diagnostics
                    failed = true
                }
            }
            return failed ? nil : MessageTemplate(parts: parts, source: source)
        }
    }

    /// `variables:`, a mapping of names to expressions, each defined in order (a variable may
    /// use the ones above it). Nil when one of them is wrong.
    func defineVariables(_ node: Node, compiler: inout ExpressionCompiler, reader: inout NodeReader) -> [PolicyVariable]? {
        guard case let .mapping(mapping) = node else {
            reader.error("type", "variables must be a mapping of names to CEL expressions, found \(reader.describe(node))", at: node)
            return nil
        }
        var defined: [PolicyVariable] = []
        var failed = false
        for (key, value) in mapping {
            guard case let .scalar(keyScalar) = key, keyScalar.string.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) != nil else {
                reader.error("invalid-value", "a variable name must be an identifier (letters, digits, _)", at: key)
                failed = true
                continue
            }
            let name = keyScalar.string
            if defined.contains(where: { $0.name == name }) {
                reader.error("duplicate-key", "variable '\(name)' is defined twice", at: key)
                failed = true
                continue
            }
            guard case let .scalar(scalar) = value, let source = reader.nonEmptyString(value, what: "variables.\(name)") else {
                failed = true
                continue
            }
            if let problems = compiler.define(name, source, sourceMap: ScalarSourceMap(scalar: scalar, file: reader.file), file: reader.file) {
                reader.diagnostics += problems.diagnostics
                failed = true
                continue
            }
            defined.append(PolicyVariable(name: name, source: source, location: reader.file.location(of: value)))
        }
        return failed ? nil : defined
    }

    /// `examples: {now, fail, pass, notAssessed}`. An entry is the example resource itself, or
    /// `{resource: {...}, message: "..."}` for a fail example that states its message, or
    /// `{resource: {...}, missing: [data sets]}` under `notAssessed`.
    func examples(_ node: Node?, kind: ResourceKind, provider: ProviderID, reader: inout NodeReader) -> PolicyExamples? {
        guard let node else { return PolicyExamples(now: PolicyExamples.defaultNow, fail: [], pass: []) }
        guard let fields = reader.entries(of: node, what: "examples", allowed: ["now", "fail", "pass", "notAssessed"]) else { return nil }
        var now = PolicyExamples.defaultNow
        if let nowNode = fields["now"]?.value, let text = reader.string(nowNode, what: "examples.now") {
            if let date = RFC3339.parse(text) { now = date } else {
                reader.error("type", "examples.now must be an RFC 3339 time such as 2025-01-01T00:00:00Z, or a date, found '\(text)'", at: nowNode)
            }
        }
        guard let schema = model.schema(kind) else { return nil }
        let converter = ExampleConverter(kind: kind, provider: provider, schema: schema)
        func list(_ key: String) -> [PolicyExample] {
            guard let listNode = fields[key]?.value else { return [] }
            guard case let .sequence(sequence) = listNode else {
                reader.error("type", "examples.\(key) must be a list of \(kind.rawValue) examples", at: listNode)
                return []
            }
            return sequence.compactMap { item in example(item, key: key, converter: converter, reader: &reader) }
        }
        return PolicyExamples(now: now, fail: list("fail"), pass: list("pass"), notAssessed: list("notAssessed"))
    }

    /// One example: the wrapped form when the mapping has `resource` and only the wrapper's keys.
    private func example(_ item: Node, key: String, converter: ExampleConverter, reader: inout NodeReader) -> PolicyExample? {
        let wrapperKeys = key == "notAssessed" ? ["resource", "missing"] : key == "fail" ? ["resource", "message"] : ["resource"]
        // `resource:` is the wrapper's (no kind has a field of that name); its other keys are
        // checked as the wrapper's, so a misspelt `message` is reported as such.
        let isWrapped: Bool = {
            guard case let .mapping(mapping) = item, converter.schema.field(named: "resource") == nil else { return false }
            return mapping.keys.contains { $0.string == "resource" }
        }()
        if key == "notAssessed" && !isWrapped {
            reader.error("type", "each examples.notAssessed entry is {resource: {...}, missing: [data sets]}", at: item)
            return nil
        }
        guard isWrapped else {
            return converter.resource(item, reader: &reader).map { PolicyExample(value: $0, location: reader.file.location(of: item)) }
        }
        guard let entries = reader.entries(of: item, what: "an example", allowed: wrapperKeys),
              let resourceNode = entries["resource"]?.value, let value = converter.resource(resourceNode, reader: &reader) else { return nil }
        let message = entries["message"].flatMap { reader.string($0.value, what: "the example's message") }
        let missing = entries["missing"].flatMap { reader.stringList($0.value, what: "missing") } ?? []
        if key == "notAssessed" && missing.isEmpty {
            reader.error("missing-key", "a notAssessed example names the data it lacks: missing: [data set, ...]", at: item)
            return nil
        }
        return PolicyExample(value: value, location: reader.file.location(of: item), message: message, missing: missing)
    }
}
