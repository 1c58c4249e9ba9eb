/// A string map key whose hash is computed once.
///
/// Field names in a compiled program are fixed, so their hashes are computed at compile
/// time; code that builds many maps with the same field names (resource conversion) can
/// keep its keys in constants, so building a map hashes nothing. Lookups then skip SipHash
/// (which dominated profiles of field selection) and cost an integer compare plus a string
/// compare. Keys compare by UTF-8 bytes (through the hash) as CEL strings do.
public struct FieldKey: Hashable, Sendable {
    /// The key's text.
    public let string: String
    let hash: Int

    /// Hashes `string` (FNV-1a over its UTF-8 bytes).
    public init(_ string: String) {
        self.string = string
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in string.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        self.hash = Int(truncatingIfNeeded: hash)
    }

    @inline(__always)
    public static func == (lhs: FieldKey, rhs: FieldKey) -> Bool {
        lhs.hash == rhs.hash && lhs.string == rhs.string
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    /// Dictionary asks for this directly; mixing in its per-instance seed keeps bucket
    /// order unpredictable without running SipHash on every lookup.
    @inline(__always)
    public func _rawHashValue(seed: Int) -> Int {
        var mixed = UInt64(bitPattern: Int64(hash ^ seed))
        mixed = (mixed ^ (mixed >> 33)) &* 0xff51_afd7_ed55_8ccd
        mixed = (mixed ^ (mixed >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 33))
    }
}
