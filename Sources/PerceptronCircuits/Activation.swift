import BackpropEngine

/// The step function of a perceptron: 1 if z > 0, else 0.
///
/// A perceptron with weights w and bias b outputs step(w·x + b); note that z = 0 gives 0,
/// the convention of chapter 1 ("output 0 if w·x + b ≤ 0").
@inlinable
public func step(_ z: Double) -> Double { z > 0 ? 1 : 0 }

/// The step function applied to each component.
public func step(_ z: Vector) -> Vector { z.map { step($0) } }

/// What a neuron does with its weighted input z = w·x + b.
///
/// The only difference between a perceptron and a sigmoid neuron is this function:
/// `step` gives a perceptron, `sigmoid` the smooth neuron of the engine.
public enum Activation: String, CaseIterable, Codable, Sendable {
    /// step(z) = 1 if z > 0, else 0: a perceptron.
    case step
    /// σ(z) = 1 / (1 + e⁻ᶻ): a sigmoid neuron.
    case sigmoid

    /// The activation of a neuron with weighted input `z`.
    public func callAsFunction(_ z: Double) -> Double {
        switch self {
        case .step: PerceptronCircuits.step(z)
        case .sigmoid: BackpropEngine.sigmoid(z)
        }
    }

    /// The activations of a layer with weighted inputs `z`.
    public func callAsFunction(_ z: Vector) -> Vector {
        switch self {
        case .step: PerceptronCircuits.step(z)
        case .sigmoid: BackpropEngine.sigmoid(z)
        }
    }
}
