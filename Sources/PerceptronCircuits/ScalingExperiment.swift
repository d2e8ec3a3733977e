import BackpropEngine
import Foundation

/// Chapter 1's exercise "sigmoid neurons simulating perceptrons, part 1": multiplying
/// every weight and bias of a perceptron network by a constant c > 0 changes nothing.
///
/// Reason: each perceptron outputs step(w·x + b); scaled, it outputs
/// step(c·w·x + c·b) = step(c·(w·x + b)), and c·z has the same sign as z when c > 0.
/// So layer 1 outputs the same bits, hence layer 2 receives the same inputs, and so on.
/// A sigmoid network has no such invariance: σ(c·z) ≠ σ(z).
public enum ScalingExperiment {
    /// One random network scaled by one random c.
    public struct Trial: Codable, Equatable, Sendable {
        public var sizes: [Int]
        public var c: Double
        /// How many random inputs were fed to both networks.
        public var inputs: Int
        /// Inputs on which the perceptron network and its scaled copy disagreed.
        public var perceptronMismatches: Int
        /// The largest change of any output when the same network uses sigmoid neurons.
        public var sigmoidLargestChange: Double
    }

    /// `trials` random perceptron networks (2 to 4 layers of 1 to 6 neurons, weights
    /// and biases from N(0, 1) as the engine draws them), each scaled by c = 10ᵘ with u
    /// uniform in [−3, 3], and fed `inputsPerNetwork` random inputs with components
    /// uniform in [0, 1).
    public static func run(trials: Int, inputsPerNetwork: Int, generator: inout SeededGenerator) -> [Trial] {
        (0..<trials).compactMap { _ in
            let layerCount = 2 + Int(generator.next() % 3)
            let sizes = (0..<layerCount).map { _ in 1 + Int(generator.next() % 6) }
            guard let network = try? Network(sizes: sizes, generator: &generator) else { return nil }
            let c = pow(10, 6 * generator.nextUniform() - 3)
            let original = PerceptronCircuit(network: network)
            let scaled = original.scaled(by: c)
            var mismatches = 0
            var change = 0.0
            for _ in 0..<inputsPerNetwork {
                let x = Vector((0..<sizes[0]).map { _ in generator.nextUniform() })
                if original.evaluate(x) != scaled.evaluate(x) { mismatches += 1 }
                let d = original.evaluate(x, activation: .sigmoid) - scaled.evaluate(x, activation: .sigmoid)
                change = max(change, d.elements.map(abs).max() ?? 0)
            }
            return Trial(sizes: sizes, c: c, inputs: inputsPerNetwork,
                         perceptronMismatches: mismatches, sigmoidLargestChange: change)
        }
    }
}
