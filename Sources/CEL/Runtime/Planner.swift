/// Turns a syntax tree into a tree of evaluation nodes: resolves identifiers (locals, declared
/// variables including qualified names, type names), functions (including qualified ones
/// such as `iam.actionMatches`) and fast paths, and folds constant list and map literals.
struct Planner {
    let environment: CELEnvironment
    var diagnostics: [CELDiagnostic] = []
    /// Nodes planned so far; the base evaluation cost.
    var nodeCount = 0
    /// Macro iteration variables in scope; a variable's index is its local slot.
    var scopes: [String] = []
    var maxDepth = 0

    init(environment: CELEnvironment) { self.environment = environment }

    mutating func plan(_ expr: Expr) -> Node {
        nodeCount += 1
        switch expr.kind {
        case let .literal(literal):
            return ConstantNode(Planner.value(of: literal), position: expr.position)
        case let .ident(name):
            return planChain([(name, expr.position)])
        case let .select(operand, field, testOnly):
            if testOnly { return HasNode(operand: plan(operand), field: field, position: expr.position) }
            if let chain = Planner.identChain(expr) {
                nodeCount += chain.count - 1
                return planChain(chain)
            }
            return SelectNode(operand: plan(operand), field: field, position: expr.position)
        case let .call(function, target, arguments):
            return planCall(expr, function: function, target: target, arguments: arguments)
        case let .list(elements):
            return planList(elements.map { plan($0) }, position: expr.position)
        case let .map(entries):
            return planMap(entries, position: expr.position)
        case let .comprehension(comprehension):
            return planComprehension(comprehension, position: expr.position)
        }
    }

    static func value(of literal: Literal) -> CELValue {
        switch literal {
        case .null: .null
        case let .bool(value): .bool(value)
        case let .int(value): .int(value)
        case let .uint(value): .uint(value)
        case let .double(value): .double(value)
        case let .string(value): .string(value)
        case let .bytes(value): .bytes(value)
        }
    }

    /// `a.b.c` as [("a", pos), ("b", pos of first "."), ("c", …)] when the expression is only
    /// identifiers and field selections.
    static func identChain(_ expr: Expr) -> [(name: String, position: SourcePosition)]? {
        switch expr.kind {
        case let .ident(name): return [(name, expr.position)]
        case let .select(operand, field, false):
            guard let prefix = identChain(operand) else { return nil }
            return prefix + [(field, expr.position)]
        default: return nil
        }
    }

    /// Type names usable as values (`type(x) == int`) unless a variable of that name exists.
    static let typeIdentifiers: [String: CELType] = [
        "int": .int, "uint": .uint, "double": .double, "bool": .bool, "string": .string, "bytes": .bytes,
        "list": .list(.dyn), "map": .map(key: .dyn, value: .dyn), "null_type": .null, "type": .type,
        "google.protobuf.Timestamp": .timestamp, "google.protobuf.Duration": .duration,
    ]

    /// Resolves an identifier chain: a macro variable shadows everything; otherwise the longest
    /// dotted prefix that names a declared variable wins, and the rest are field selections.
    private func planChain(_ chain: [(name: String, position: SourcePosition)]) -> Node {
        var names = chain.map(\.name)
        let rootOnly = names[0].hasPrefix(".")
        if rootOnly { names[0].removeFirst() }
        let positions = chain.map(\.position)
        if !rootOnly, let slot = scopes.lastIndex(of: names[0]) {
            return LocalNode(slot: slot, fields: Array(names.dropFirst()), fieldPositions: Array(positions.dropFirst()),
                             position: positions[0])
        }
        for length in stride(from: names.count, to: 0, by: -1) {
            let candidate = names[0..<length].joined(separator: ".")
            if environment.variables[candidate] != nil {
                return VariableNode(name: candidate, fields: Array(names[length...]),
                                    fieldPositions: Array(positions[length...]), position: positions[0])
            }
        }
        for length in stride(from: names.count, to: 0, by: -1) {
            guard let type = Planner.typeIdentifiers[names[0..<length].joined(separator: ".")] else { continue }
            var node: Node = ConstantNode(.type(type), position: positions[0])
            for index in length..<names.count {
                node = SelectNode(operand: node, field: names[index], position: positions[index])
            }
            return node
        }
        return ErrorNode("no such attribute: '\(names.joined(separator: "."))'", position: positions[0])
    }

    private func planList(_ elements: [Node], position: SourcePosition) -> Node {
        // A list of constants (`x in ['a', 'b']`) is built once, not per evaluation.
        let constants = elements.compactMap(\.constant)
        if constants.count == elements.count { return ConstantNode(.list(constants), position: position) }
        return ListNode(elements: elements, position: position)
    }

    private mutating func planMap(_ entries: [MapEntry], position: SourcePosition) -> Node {
        let keys = entries.map { plan($0.key) }
        let values = entries.map { plan($0.value) }
        let constantKeys = keys.compactMap(\.constant)
        let constantValues = values.compactMap(\.constant)
        if constantKeys.count == keys.count, constantValues.count == values.count,
           let map = try? CELMap.literal(Array(zip(constantKeys, constantValues)).map { (key: $0, value: $1) })
        {
            return ConstantNode(.map(map), position: position)
        }
        return MapNode(keys: keys, values: values, position: position)
    }

    private mutating func planComprehension(_ comprehension: Comprehension, position: SourcePosition) -> Node {
        let range = plan(comprehension.range)
        let slot = scopes.count
        scopes.append(comprehension.variable)
        maxDepth = max(maxDepth, scopes.count)
        let before = nodeCount
        let predicate = comprehension.predicate.map { plan($0) }
        let transform = comprehension.transform.map { plan($0) }
        let iterationCost = nodeCount - before + 1
        scopes.removeLast()
        return ComprehensionNode(kind: comprehension.kind, range: range, slot: slot, predicate: predicate,
                                 transform: transform, iterationCost: iterationCost, position: position)
    }
}
