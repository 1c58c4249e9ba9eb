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

    func examples(_ node: Node?, kind: ResourceKind, provider: Provider, reader: inout NodeReader) -> PolicyExamples? {
        guard let node else { return PolicyExamples(now: PolicyExamples.defaultNow, fail: [], pass: []) }
        guard let fields = reader.entries(of: node, what: "examples", allowed: ["now", "fail", "pass"]) else { return nil }
        var now = PolicyExamples.defaultNow
        if let nowNode = fields["now"]?.value, let text = reader.string(nowNode, what: "examples.now") {
            if let date = RFC3339.parse(text) { now = date } else {
                reader.error("type", "examples.now must be an RFC 3339 timestamp, found '\(text)'", at: nowNode)
            }
        }
        let converter = ExampleConverter(kind: kind, provider: provider)
        func list(_ key: String) -> [PolicyExample] {
            guard let listNode = fields[key]?.value else { return [] }
            guard case let .sequence(sequence) = listNode else {
                reader.error("type", "examples.\(key) must be a list of \(kind.rawValue) examples", at: listNode)
                return []
            }
            return sequence.compactMap { item in
                converter.resource(item, reader: &reader).map { PolicyExample(value: $0, location: reader.file.location(of: item)) }
            }
        }
        return PolicyExamples(now: now, fail: list("fail"), pass: list("pass"))
    }
}
