/// A deterministic S-expression rendering of a syntax tree, for tests and debugging.
///
/// | node | printed as |
/// | --- | --- |
/// | literal | `1`, `-1`, `1u`, `1.5`, `"s"`, `b"\xff"`, `true`, `null` |
/// | identifier | `x`, `.x` |
/// | selection `a.f` | `(. a f)`; `has(a.f)` is `(has a f)` |
/// | global call / operator | `(f a b)`, `(_+_ a b)`, `(_[_] a 0)` |
/// | member call `t.f(a)` | `(-> f t a)` |
/// | list, map | `[1 2]`, `{1: 2, 3: 4}` |
/// | comprehension | `(all x range predicate)`, `(map x range transform)`, `(map x range predicate transform)` |
///
/// With `positions`, each node's line and column follow its head, e.g. `(_+_@1:3 a@1:1 b@1:5)`.
public enum ExprPrinter {
    /// - Parameters:
    ///   - expr: The tree to print.
    ///   - positions: Whether to append `@line:column` to every node.
    /// - Returns: One line of text.
    public static func print(_ expr: Expr, positions: Bool = false) -> String {
        var output = ""
        write(expr, positions: positions, to: &output)
        return output
    }

    private static func write(_ expr: Expr, positions: Bool, to output: inout String) {
        let at = positions ? "@\(expr.position)" : ""
        switch expr.kind {
        case .literal(let literal):
            output += render(literal) + at
        case .ident(let name):
            output += name + at
        case .select(let operand, let field, let testOnly):
            output += (testOnly ? "(has" : "(.") + at + " "
            write(operand, positions: positions, to: &output)
            output += " " + field + ")"
        case .call(let function, let target, let args):
            output += (target == nil ? "(" + function : "(-> " + function) + at
            for part in [target].compactMap({ $0 }) + args {
                output += " "
                write(part, positions: positions, to: &output)
            }
            output += ")"
        case .list(let elements):
            output += "[" + at + (positions && !elements.isEmpty ? " " : "")
            output += elements.map { print($0, positions: positions) }.joined(separator: " ") + "]"
        case .map(let entries):
            let rendered = entries.map { print($0.key, positions: positions) + ": " + print($0.value, positions: positions) }
            output += "{" + at + (positions && !entries.isEmpty ? " " : "") + rendered.joined(separator: ", ") + "}"
        case .comprehension(let comprehension):
            output += "(" + comprehension.kind.rawValue + at + " " + comprehension.variable
            for part in [comprehension.range, comprehension.predicate, comprehension.transform].compactMap({ $0 }) {
                output += " "
                write(part, positions: positions, to: &output)
            }
            output += ")"
        }
    }

    /// Renders a literal; strings and bytes are quoted with escapes for anything unprintable.
    public static func render(_ literal: Literal) -> String {
        switch literal {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .uint(let value): String(value) + "u"
        case .double(let value): String(value)
        case .string(let value): "\"" + value.unicodeScalars.map(escape).joined() + "\""
        case .bytes(let value): "b\"" + value.map(escape).joined() + "\""
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\"": "\\\""
        case "\\": "\\\\"
        case "\n": "\\n"
        case "\t": "\\t"
        case "\r": "\\r"
        case " "..."~": String(scalar)
        default: scalar.value < 0x80 ? "\\x" + hex(scalar.value, width: 2) : String(scalar)
        }
    }

    private static func escape(_ byte: UInt8) -> String {
        (0x20...0x7E).contains(byte) ? escape(Unicode.Scalar(byte)) : "\\x" + hex(UInt32(byte), width: 2)
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
