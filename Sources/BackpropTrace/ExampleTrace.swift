import BackpropEngine

/// One training example (x, y) pushed through `Network.backpropPass`, with every
/// intermediate addressed by the book's layer number l (input is l = 1).
///
/// The numbers come from the engine; the only things computed here are operands the
/// book writes out but the engine folds away — ∇ₐC, σ′(zˡ) and (wˡ⁺¹)ᵀδˡ⁺¹ — for
/// display. Tests check that they reproduce the engine's δˡ (BP1, BP2).
public struct ExampleTrace: Sendable {
    /// The network the example went through (before any update).
    public let network: Network
    /// The example (x, y).
    public let example: Example
    /// The engine's backpropagation: every zˡ, aˡ, δˡ and the gradient.
    public let pass: BackpropPass

    /// Backpropagates `example` through `network` with the engine.
    public init(network: Network, example: Example) {
        self.network = network
        self.example = example
        self.pass = network.backpropPass(x: example.x, y: example.y)
    }

    /// L, the number of layers (the output layer's l).
    public var outputLayer: Int { network.numLayers }

    /// The cost Cₓ of this example: `cost.fn(aᴸ, y)`.
    public var cost: Double { network.cost.fn(a: a(outputLayer), y: example.y) }

    /// wˡ, for l = 2…L.
    public func w(_ l: Int) -> Matrix { network.weights[l - 2] }
    /// bˡ, for l = 2…L.
    public func b(_ l: Int) -> Vector { network.biases[l - 2] }
    /// zˡ = wˡaˡ⁻¹ + bˡ, for l = 2…L.
    public func z(_ l: Int) -> Vector { pass.zs[l - 2] }
    /// aˡ, for l = 1…L (a¹ = x).
    public func a(_ l: Int) -> Vector { pass.activations[l - 1] }
    /// δˡ = ∂C/∂zˡ, for l = 2…L.
    public func delta(_ l: Int) -> Vector { pass.deltas[l - 2] }
    /// ∂C/∂bˡ (BP3), for l = 2…L.
    public func nablaB(_ l: Int) -> Vector { pass.gradient.nablaB[l - 2] }
    /// ∂C/∂wˡ (BP4), for l = 2…L.
    public func nablaW(_ l: Int) -> Matrix { pass.gradient.nablaW[l - 2] }

    /// σ′(zˡ), the factor BP1 and BP2 multiply by.
    public func sigmoidPrimeOfZ(_ l: Int) -> Vector { sigmoidPrime(z(l)) }

    /// ∇ₐC, the rate of change of C with the output activations (BP1's first factor):
    /// the cost's own `Cost.derivative(a:y:)` (network.py's `cost_derivative`), aᴸ − y
    /// for the quadratic cost, (aᴸ − y) / (aᴸ(1 − aᴸ)) for cross-entropy.
    public var costGradient: Vector {
        network.cost.derivative(a: a(outputLayer), y: example.y)
    }

    /// (wˡ⁺¹)ᵀδˡ⁺¹, the error moved back one layer (BP2's first factor), for l = 2…L − 1.
    public func backpropagatedError(_ l: Int) -> Vector {
        w(l + 1).transposed() * delta(l + 1)
    }
}
