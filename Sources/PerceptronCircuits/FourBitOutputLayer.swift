import BackpropEngine

/// Chapter 1's exercise: a layer that turns the 10 digit outputs of a network into the
/// digit's 4-bit binary form.
///
/// Construction: output neuron j (j = 0…3) stands for the bit of value 2^(3−j), so the
/// four outputs read as the binary numeral, most significant first. It gets weight +g
/// from every digit d whose binary form has that bit set and −g from every other digit,
/// and bias 0. With a one-hot input for digit d the neuron's z is +g if d has the bit and
/// −g if not, so a perceptron outputs exactly the bit and a sigmoid neuron σ(±g).
///
/// With "good but not perfect" inputs (right digit ≥ 0.99, others ≤ 0.01) the sign
/// still holds: the right digit contributes ±0.99·g and the nine others at most 0.09·g
/// together, so |z| ≥ 0.9·g and σ is within σ(−0.9·g) of the bit (about 1.2e-4 for g = 10).
public enum FourBitOutputLayer {
    /// The gain g: how strongly each digit votes. Larger g gives sharper sigmoid outputs.
    public static let gain = 10.0
    /// The number of output bits.
    public static let bitCount = 4

    /// Whether digit `d` has the bit that output neuron `j` stands for.
    public static func hasBit(_ d: Int, neuron j: Int) -> Bool {
        (d >> (bitCount - 1 - j)) & 1 == 1
    }

    /// The layer as a circuit: 10 inputs (the digit outputs a₀…a₉), 4 outputs.
    public static var circuit: PerceptronCircuit {
        var b = CircuitBuilder(inputNames: (0..<10).map { "a\($0)" })
        let bits = (0..<bitCount).map { j in
            b.perceptron(name: "bit\(1 << (bitCount - 1 - j))",
                         (0..<10).map { d in (b.input(d), hasBit(d, neuron: j) ? gain : -gain) }, bias: 0)
        }
        return b.build(outputs: bits)
    }

    /// One digit's output vector pushed through the layer.
    public struct Row: Codable, Equatable, Sendable {
        public var digit: Int
        /// The value of the right digit's output (1 for one-hot, 0.99 for good-not-perfect).
        public var right: Double
        /// The perceptron layer's four bits, most significant first.
        public var perceptronBits: [Int]
        /// The sigmoid layer's four activations.
        public var sigmoidOutputs: [Double]
        /// Both read back (sigmoid rounded at ½) to the digit.
        public var correct: Bool
    }

    /// Digits 0…9 with output `right` for the right digit and `wrong` for the others.
    public static func table(right: Double, wrong: Double) -> [Row] {
        let layer = circuit
        return (0..<10).map { d in
            let a = Vector((0..<10).map { $0 == d ? right : wrong })
            let bits = layer.evaluate(a, activation: .step).elements.map { Int($0) }
            let sig = layer.evaluate(a, activation: .sigmoid).elements
            let read = { (v: [Double]) in v.reduce(0) { 2 * $0 + ($1 > 0.5 ? 1 : 0) } }
            return Row(digit: d, right: right, perceptronBits: bits, sigmoidOutputs: sig,
                       correct: read(bits.map(Double.init)) == d && read(sig) == d)
        }
    }
}
