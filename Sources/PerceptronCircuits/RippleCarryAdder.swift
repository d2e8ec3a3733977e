import BackpropEngine

/// An n-bit ripple-carry adder made only of NAND perceptrons.
///
/// Bit 0 is a half adder: t = NAND(a₀, b₀), s₀ = NAND(NAND(a₀, t), NAND(b₀, t)) (XOR,
/// 4 perceptrons) and c₁ = NAND(t, t) (AND, 1 more). Every higher bit is a full adder
/// of 9 NANDs: p = a XOR b (4), u = NAND(p, cᵢ), sᵢ = NAND(NAND(p, u), NAND(cᵢ, u)),
/// cᵢ₊₁ = NAND(t, u) where t = NAND(a, b) is p's first gate. So n bits take 9n − 4
/// perceptrons, and each bit adds two layers to the carry chain.
public struct RippleCarryAdder: Sendable {
    /// The largest width the tools accept (the sum must fit in an `Int`, and the
    /// circuit stays small enough to print).
    public static let maximumBits = 32
    /// The widest adder checked on every pair of inputs (4⁸ = 65 536 pairs).
    public static let maximumExhaustiveBits = 8

    /// The number of bits of each summand.
    public let bits: Int
    /// The circuit: inputs a₀…aₙ₋₁, b₀…bₙ₋₁ (least significant first), outputs
    /// s₀…sₙ (sₙ is the final carry).
    public let circuit: PerceptronCircuit

    /// Why an adder could not be made.
    public struct WidthError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// An adder of two `bits`-bit numbers, 1 ≤ `bits` ≤ `maximumBits`.
    public init(bits: Int) throws(WidthError) {
        guard (1...Self.maximumBits).contains(bits) else {
            throw WidthError(description: "an adder needs 1 to \(Self.maximumBits) bits, got \(bits)")
        }
        self.bits = bits
        var b = CircuitBuilder(inputNames: (0..<bits).map { "a\($0)" } + (0..<bits).map { "b\($0)" })
        var outputs: [CircuitBuilder.Signal] = []
        var carry: CircuitBuilder.Signal?
        for i in 0..<bits {
            let (x, y) = (b.input(i), b.input(bits + i))
            let t = b.nand(x, y, name: "t\(i)")
            let p = b.nand(b.nand(x, t, name: "l\(i)"), b.nand(y, t, name: "r\(i)"), name: "p\(i)")
            if let c = carry {
                let u = b.nand(p, c, name: "u\(i)")
                outputs.append(b.nand(b.nand(p, u, name: "v\(i)"), b.nand(c, u, name: "w\(i)"), name: "s\(i)"))
                carry = b.nand(t, u, name: "c\(i + 1)")
            } else {
                outputs.append(p)
                carry = b.nand(t, t, name: "c\(i + 1)")
            }
        }
        if let carry { outputs.append(carry) }
        circuit = b.build(outputs: outputs)
    }

    /// An adder with a given circuit (for tests that break a gate on purpose).
    init(bits: Int, circuit: PerceptronCircuit) {
        self.bits = bits
        self.circuit = circuit
    }

    /// a + b as the circuit computes it (a and b are taken modulo 2ⁿ).
    public func add(_ a: Int, _ b: Int) -> Int {
        let x = BitPattern.bits(of: a, count: bits) + BitPattern.bits(of: b, count: bits)
        return BitPattern.value(of: circuit.evaluate(Vector(x)).elements)
    }

    /// The result of checking the adder against integer addition.
    public struct Check: Codable, Equatable, Sendable {
        public var bits: Int
        public var perceptrons: Int
        public var layers: Int
        /// How many pairs (a, b) were added.
        public var pairsChecked: Int
        /// Whether those were all 4ⁿ pairs.
        public var exhaustive: Bool
        /// The pairs where the circuit disagreed with a + b.
        public var mismatches: Int
    }

    /// Adds every pair when n ≤ `maximumExhaustiveBits`, else `samples` random pairs.
    public func check(samples: Int = 1000, generator: inout SeededGenerator) -> Check {
        let exhaustive = bits <= Self.maximumExhaustiveBits
        let pairs: [(Int, Int)]
        if exhaustive {
            let n = 1 << bits
            pairs = (0..<(n * n)).map { ($0 / n, $0 % n) }
        } else {
            let mask = UInt64.max >> (64 - bits)
            pairs = (0..<samples).map { _ in (Int(generator.next() & mask), Int(generator.next() & mask)) }
        }
        var mismatches = 0
        for start in stride(from: 0, to: pairs.count, by: 4096) {
            let chunk = pairs[start..<min(start + 4096, pairs.count)]
            let inputs = chunk.map { Vector(BitPattern.bits(of: $0.0, count: bits) + BitPattern.bits(of: $0.1, count: bits)) }
            let sums = circuit.evaluate(batch: inputs).map { BitPattern.value(of: $0.elements) }
            mismatches += zip(chunk, sums).filter { $0.0 + $0.1 != $1 }.count
        }
        return Check(bits: bits, perceptrons: circuit.neuronCount, layers: circuit.layers.count,
                     pairsChecked: pairs.count, exhaustive: exhaustive, mismatches: mismatches)
    }
}
