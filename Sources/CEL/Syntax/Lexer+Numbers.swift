/// Numeric literals: langdef's INT_LIT, UINT_LIT and FLOAT_LIT (without the sign, which
/// the parser folds in).
extension Lexer {
    mutating func scanNumber(start: SourcePosition) {
        if peek() == "0", peek(1) == "x" || peek(1) == "X", let digit = peek(2), Self.hexValue(digit) != nil {
            advance(by: 2)
            scanIntegerSuffix(magnitude: scanDigits(radix: 16), start: start)
            return
        }
        let integerStart = index
        let magnitude = scanDigits(radix: 10)
        var isDouble = false
        if peek() == ".", let next = peek(1), Self.isDigit(next) {
            advance()
            _ = scanDigits(radix: 10)
            isDouble = true
        } else if peek() == ".", index > integerStart, !Self.continuesAfterDot(peek(1)) {
            // `1.` is a double (langdef's prose: "7 would be written `7.`"); but `1.size()`
            // and `1..` keep the dot as a separate token.
            advance()
            isDouble = true
        }
        if peek() == "e" || peek() == "E" {
            let signLength = (peek(1) == "+" || peek(1) == "-") ? 1 : 0
            if let digit = peek(1 + signLength), Self.isDigit(digit) {
                advance(by: 1 + signLength)
                _ = scanDigits(radix: 10)
                isDouble = true
            }
        }
        if isDouble {
            emitDouble(from: integerStart, start: start)
        } else {
            scanIntegerSuffix(magnitude: magnitude, start: start)
        }
    }

    private static func continuesAfterDot(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return Self.isIdentifierStart(scalar) || Self.isDigit(scalar) || scalar == "."
    }

    /// Consumes digits of `radix`; returns their value, or nil when it overflows 64 bits.
    private mutating func scanDigits(radix: UInt64) -> UInt64? {
        var value: UInt64? = 0
        while let scalar = peek(), let digit = Self.hexValue(scalar), UInt64(digit) < radix {
            if let current = value {
                let (product, overflowA) = current.multipliedReportingOverflow(by: radix)
                let (sum, overflowB) = product.addingReportingOverflow(UInt64(digit))
                value = (overflowA || overflowB) ? nil : sum
            }
            advance()
        }
        return value
    }

    private mutating func scanIntegerSuffix(magnitude: UInt64?, start: SourcePosition) {
        guard peek() == "u" || peek() == "U" else {
            emit(.int(magnitude), at: start)
            return
        }
        advance()
        if let magnitude {
            emit(.uint(magnitude), at: start)
        } else {
            report("invalid uint literal", at: start)
        }
    }

    private mutating func emitDouble(from offset: Int, start: SourcePosition) {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[offset..<index])
        // Like cel-go (strconv.ParseFloat), a literal too large for a double is an error.
        if let value = Double(String(text)), value.isFinite {
            emit(.double(value), at: start)
        } else {
            report("invalid double literal", at: start)
        }
    }
}
