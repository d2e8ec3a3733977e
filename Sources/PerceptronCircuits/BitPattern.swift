/// Whole numbers as bit vectors, least significant bit first, and back.
public enum BitPattern {
    /// The `count` lowest bits of `value`, least significant first, as 0.0 / 1.0.
    public static func bits(of value: Int, count: Int) -> [Double] {
        (0..<count).map { (value >> $0) & 1 == 1 ? 1 : 0 }
    }

    /// The number whose bits (least significant first) are `bits`; a bit counts as 1
    /// when it is above 0.5.
    public static func value(of bits: [Double]) -> Int {
        bits.enumerated().reduce(0) { $0 | ($1.element > 0.5 ? 1 << $1.offset : 0) }
    }

    /// All 2ⁿ patterns of `count` bits in the order of a truth table (00, 01, 10, 11 for
    /// two bits: the first bit is the most significant).
    public static func all(count: Int) -> [[Double]] {
        (0..<(1 << count)).map { Array(bits(of: $0, count: count).reversed()) }
    }
}
