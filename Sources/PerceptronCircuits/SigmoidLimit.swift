import BackpropEngine

/// Chapter 1's exercise "sigmoid neurons simulating perceptrons, part 2".
///
/// Replace every perceptron of a network by a sigmoid neuron with the same weights
/// and biases multiplied by c. A neuron whose perceptron has z = w·x + b ≠ 0 outputs
/// σ(c·z), which tends to step(z) as c → ∞ (to 1 if z > 0, to 0 if z < 0). If no
/// perceptron sits on its boundary, every layer's inputs converge, so the outputs do:
/// the distance to the perceptron outputs shrinks like e^(−c·min|z|).
///
/// If some z = 0 the perceptron outputs 0 but σ(c·0) = ½ for every c: that neuron never
/// converges, and what follows it may not either.
public enum SigmoidLimit {
    /// The sigmoid network with scale c on one input.
    public struct Row: Codable, Equatable, Sendable {
        public var c: Double
        public var outputs: [Double]
        /// max over outputs of |σ-network output − perceptron output|.
        public var distance: Double
        /// The activation of the watched neuron (the tied one in the failure case).
        public var watched: Double?
    }

    /// c = 10⁰, 10¹, …, 10ᵏ.
    public static func powersOfTen(through k: Int) -> [Double] {
        (0...max(0, k)).map { Double("1e\($0)") ?? 1 }
    }

    /// The sigmoid network `circuit.scaled(by: c)` on `x` for each c, against the
    /// perceptron network's output; `watch` is a signal whose activation to report.
    public static func table(_ circuit: PerceptronCircuit, input x: Vector, scales: [Double], watch: Int? = nil) -> [Row] {
        let target = circuit.evaluate(x, activation: .step)
        return scales.map { c in
            let trace = circuit.scaled(by: c).trace(x, activation: .sigmoid)
            let distance = (trace.outputs - target).elements.map(abs).max() ?? 0
            return Row(c: c, outputs: trace.outputs.elements, distance: distance, watched: watch.map { trace.signals[$0] })
        }
    }

    /// The neuron with the smallest |w·x + b| on `x`, as (signal, z); `nil` without neurons.
    public static func closestToBoundary(_ circuit: PerceptronCircuit, input x: Vector) -> (signal: Int, z: Double)? {
        let zs = circuit.trace(x, activation: .step).weightedInputs
        guard let j = zs.indices.min(by: { abs(zs[$0]) < abs(zs[$1]) }) else { return nil }
        return (circuit.inputCount + j, zs[j])
    }
}
