/// The distinct non-zero input values of a data set, each given a small code, so that
/// the packed set stores a 4-byte code per non-zero input instead of an 8-byte Double.
/// MNIST's pixels take only 255 non-zero values (k/255), so its whole codebook fits in
/// two kilobytes of L1 cache, while the codes halve the bytes each random example drags
/// in from memory. Codes are exact: `values[code(v)]` has v's very bits.
///
/// An open-addressing hash table (linear probing, at most half full) from the value's
/// bit pattern to its code.
struct ValueCodebook {
    /// The values in code order: code c stands for `values[c]`.
    private(set) var values: [Double] = []
    private var keys: [UInt64]
    private var codes: [UInt32]
    private var mask: Int

    init() {
        mask = 255
        keys = Array(repeating: 0, count: mask + 1)
        codes = Array(repeating: .max, count: mask + 1)
    }

    /// The code of `value` (never 0, which is not stored), adding it if it is new.
    mutating func code(_ value: Double) -> UInt32 {
        let key = value.bitPattern
        var slot = Self.hash(key) & mask
        while codes[slot] != .max {
            if keys[slot] == key { return codes[slot] }
            slot = (slot + 1) & mask
        }
        let code = UInt32(truncatingIfNeeded: values.count)
        keys[slot] = key
        codes[slot] = code
        values.append(value)
        if 2 * values.count > mask + 1 { grow() }
        return code
    }

    private mutating func grow() {
        let old = zip(keys, codes).filter { $0.1 != .max }
        mask = 2 * mask + 1
        keys = Array(repeating: 0, count: mask + 1)
        codes = Array(repeating: .max, count: mask + 1)
        for (key, code) in old {
            var slot = Self.hash(key) & mask
            while codes[slot] != .max { slot = (slot + 1) & mask }
            keys[slot] = key
            codes[slot] = code
        }
    }

    /// Fibonacci hashing of the bit pattern (its high bits, where values differ most).
    private static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
}
