/// A string dictionary key whose hash is computed once.
///
/// Field names in a compiled program are fixed, so their hashes can be computed at compile
/// time; resource maps compute each key's hash once when built. Lookups then skip SipHash
/// (which dominated profiles of field selection) and cost one multiply plus a string compare.
/// Keys compare by UTF-8 bytes (through the hash) as CEL strings do.
struct FieldKey: Hashable, Sendable {
    let string: String
    let hash: Int

    init(_ string: String) {
        self.string = string
        // FNV-1a, 64-bit.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in string.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        self.hash = Int(truncatingIfNeeded: hash)
    }

    @inline(__always)
    static func == (lhs: FieldKey, rhs: FieldKey) -> Bool {
        lhs.hash == rhs.hash && lhs.string == rhs.string
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    /// Dictionary asks for this directly; mixing in its per-instance seed keeps bucket
    /// order unpredictable without running SipHash on every lookup.
    @inline(__always)
    func _rawHashValue(seed: Int) -> Int {
        var mixed = UInt64(bitPattern: Int64(hash ^ seed))
        mixed = (mixed ^ (mixed >> 33)) &* 0xff51_afd7_ed55_8ccd
        mixed = (mixed ^ (mixed >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 33))
    }
}
