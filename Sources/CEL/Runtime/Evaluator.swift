/// A node of a compiled program. Subclasses are final and immutable, so a plan is shared
/// freely across threads; all per-evaluation state lives in `EvalContext`.
class Node: @unchecked Sendable {
    let position: SourcePosition

    init(position: SourcePosition) { self.position = position }

    func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        throw CELEvaluationError("internal error: unplanned node", position: position)
    }

    /// The node's value when it is known at compile time.
    var constant: CELValue? { nil }
}

final class ConstantNode: Node, @unchecked Sendable {
    let value: CELValue

    init(_ value: CELValue, position: SourcePosition) {
        self.value = value
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue { value }
    override var constant: CELValue? { value }
}

/// An error known at compile time but raised only if evaluation reaches it, so that
/// `false && bad` still evaluates to false as CEL requires.
final class ErrorNode: Node, @unchecked Sendable {
    let message: String

    init(_ message: String, position: SourcePosition) {
        self.message = message
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        throw CELEvaluationError(message, position: position)
    }
}

/// A variable, optionally followed by field selections (`bucket.encryption.enabled`),
/// fused into one node: one activation lookup, then one hash lookup per field.
final class VariableNode: Node, @unchecked Sendable {
    let name: FieldKey
    let fields: [FieldKey]
    let fieldPositions: [SourcePosition]

    init(name: String, fields: [String], fieldPositions: [SourcePosition], position: SourcePosition) {
        self.name = FieldKey(name)
        self.fields = fields.map(FieldKey.init)
        self.fieldPositions = fieldPositions
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        guard var value = context.bindings[name] else {
            throw CELEvaluationError("no such attribute: '\(name.string)'", position: position)
        }
        for index in fields.indices {
            value = try select(value, fields[index], at: fieldPositions[index])
        }
        return value
    }
}

/// A macro iteration variable, optionally followed by field selections.
final class LocalNode: Node, @unchecked Sendable {
    let slot: Int
    let fields: [FieldKey]
    let fieldPositions: [SourcePosition]

    init(slot: Int, fields: [String], fieldPositions: [SourcePosition], position: SourcePosition) {
        self.slot = slot
        self.fields = fields.map(FieldKey.init)
        self.fieldPositions = fieldPositions
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        guard !fields.isEmpty else { return context.locals[slot] }
        // Select straight from the slot: copying the local into a variable first cost a
        // retain and a release of the whole element on every access.
        var value = try select(context.locals[slot], fields[0], at: fieldPositions[0])
        for index in fields.indices.dropFirst() {
            value = try select(value, fields[index], at: fieldPositions[index])
        }
        return value
    }
}

/// Field selection: a string-key lookup on a map.
@inline(__always)
func select(_ value: CELValue, _ field: FieldKey, at position: SourcePosition) throws(CELEvaluationError) -> CELValue {
    guard case let .map(map) = value else {
        throw CELEvaluationError("type '\(value.typeName)' does not support field selection", position: position)
    }
    guard let result = map[field] else {
        throw CELEvaluationError("no such key: '\(field.string)'", position: position)
    }
    return result
}

/// `operand.field` on a computed operand (fields of variables use `VariableNode`).
final class SelectNode: Node, @unchecked Sendable {
    let operand: Node
    let field: FieldKey

    init(operand: Node, field: String, position: SourcePosition) {
        self.operand = operand
        self.field = FieldKey(field)
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        try select(try operand.eval(&context), field, at: position)
    }
}

/// `has(operand.field)`: whether a map has the key.
final class HasNode: Node, @unchecked Sendable {
    let operand: Node
    let field: FieldKey

    init(operand: Node, field: String, position: SourcePosition) {
        self.operand = operand
        self.field = FieldKey(field)
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        let value = try operand.eval(&context)
        guard case let .map(map) = value else {
            throw CELEvaluationError("type '\(value.typeName)' does not support field selection", position: position)
        }
        return .bool(map[field] != nil)
    }
}

final class ListNode: Node, @unchecked Sendable {
    let elements: [Node]

    init(elements: [Node], position: SourcePosition) {
        self.elements = elements
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        var values: [CELValue] = []
        values.reserveCapacity(elements.count)
        for element in elements { values.append(try element.eval(&context)) }
        return .list(values)
    }
}

final class MapNode: Node, @unchecked Sendable {
    let keys: [Node]
    let values: [Node]

    init(keys: [Node], values: [Node], position: SourcePosition) {
        self.keys = keys
        self.values = values
        super.init(position: position)
    }

    override func eval(_ context: inout EvalContext) throws(CELEvaluationError) -> CELValue {
        var entries: [(key: CELValue, value: CELValue)] = []
        entries.reserveCapacity(keys.count)
        for index in keys.indices {
            entries.append((try keys[index].eval(&context), try values[index].eval(&context)))
        }
        do {
            return .map(try CELMap.literal(entries))
        } catch {
            throw error.at(position)
        }
    }
}
