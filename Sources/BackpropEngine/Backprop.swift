/// Every intermediate of one backpropagation, in the book's notation:
/// what `backprop` computes before it returns the gradient, kept for tracers and tests.
///
/// Indexing, for the book's layer l (input is l = 1):
/// aˡ is `activations[l - 1]`; zˡ, δˡ, ∂C/∂bˡ and ∂C/∂wˡ (l ≥ 2) are at index `l - 2`.
public struct BackpropPass: Sendable {
    /// zˡ = wˡaˡ⁻¹ + bˡ for l = 2…L.
    public var zs: [Vector]
    /// aˡ for l = 1…L; `activations[0]` is the input x.
    public var activations: [Vector]
    /// δˡ = ∂C/∂zˡ for l = 2…L.
    public var deltas: [Vector]
    /// (∇b, ∇w) for this one example.
    public var gradient: Gradient
}

extension Network {
    /// The gradient (∇b, ∇w) of the cost Cₓ for one training example (x, y):
    /// `network.py`'s `backprop(x, y)`.
    public func backprop(x: Vector, y: Vector) -> Gradient {
        backpropPass(x: x, y: y).gradient
    }

    /// One backpropagation with every intermediate kept: the four fundamental equations
    /// of chapter 2, for the book's layers l = L, L − 1, …, 2.
    ///
    /// - BP1: δᴸ = ∇ₐC ⊙ σ′(zᴸ)                — `cost.delta(z:a:y:)`
    /// - BP2: δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ′(zˡ)
    /// - BP3: ∂C/∂bˡ = δˡ
    /// - BP4: ∂C/∂wˡ = δˡ (aˡ⁻¹)ᵀ
    public func backpropPass(x: Vector, y: Vector) -> BackpropPass {
        let L = numLayers
        var nablaB = [Vector](repeating: Vector(zeros: 0), count: L - 1)
        var nablaW = [Matrix](repeating: Matrix(zeros: 0, 0), count: L - 1)
        var deltas = [Vector](repeating: Vector(zeros: 0), count: L - 1)

        // Feedforward, storing every z and activation.
        var activation = x
        var activations = [x]
        var zs: [Vector] = []
        for (b, w) in zip(biases, weights) {
            let z = w * activation + b
            zs.append(z)
            activation = sigmoid(z)
            activations.append(activation)
        }

        // Backward pass. zˡ = zs[l - 2], aˡ = activations[l - 1], wˡ = weights[l - 2].
        var delta = cost.delta(z: zs[L - 2], a: activations[L - 1], y: y)   // BP1
        deltas[L - 2] = delta
        nablaB[L - 2] = delta                                              // BP3
        nablaW[L - 2] = Matrix.outer(delta, activations[L - 2])            // BP4
        for l in stride(from: L - 1, through: 2, by: -1) {
            let sp = sigmoidPrime(zs[l - 2])
            delta = (weights[l - 1].transposed() * delta) ⊙ sp              // BP2
            deltas[l - 2] = delta
            nablaB[l - 2] = delta                                          // BP3
            nablaW[l - 2] = Matrix.outer(delta, activations[l - 2])        // BP4
        }
        return BackpropPass(
            zs: zs, activations: activations, deltas: deltas,
            gradient: Gradient(nablaB: nablaB, nablaW: nablaW)
        )
    }
}
