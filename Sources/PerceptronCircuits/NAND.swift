import BackpropEngine

/// Chapter 1's NAND perceptron: weights −2, −2 and bias 3, so
/// z = −2·x₁ − 2·x₂ + 3 is 3, 1, 1, −1 on 00, 01, 10, 11 and the output is 1, 1, 1, 0.
public enum NAND {
    /// The weight on each input.
    public static let weight = -2.0
    /// The bias.
    public static let bias = 3.0

    /// The single perceptron as a one-neuron circuit on inputs x1, x2.
    public static var perceptron: PerceptronCircuit {
        var builder = CircuitBuilder(inputNames: ["x1", "x2"])
        let out = builder.nand(builder.input(0), builder.input(1), name: "out")
        return builder.build(outputs: [out])
    }

    /// One line of the truth table, with the arithmetic that produced it.
    public struct Row: Codable, Equatable, Sendable {
        public var x1: Int
        public var x2: Int
        /// z = w·x + b.
        public var weightedInput: Double
        public var output: Int
        /// "(−2)·0 + (−2)·1 + 3 = 1 > 0 → 1".
        public var arithmetic: String
    }

    /// The truth table over the four inputs 00, 01, 10, 11.
    public static func truthTable() -> [Row] {
        let circuit = perceptron
        return BitPattern.all(count: 2).map { x in
            let trace = circuit.trace(Vector(x), activation: .step)
            let z = trace.weightedInputs[0]
            let terms = x.map { "\(NumberText.factor(weight))·\(NumberText.plain($0))" }
            let comparison = z > 0 ? "> 0 → 1" : "≤ 0 → 0"
            let arithmetic = terms.joined(separator: " + ") + " + \(NumberText.plain(bias)) = \(NumberText.plain(z)) \(comparison)"
            return Row(x1: Int(x[0]), x2: Int(x[1]), weightedInput: z, output: Int(trace.outputs[0]), arithmetic: arithmetic)
        }
    }
}
