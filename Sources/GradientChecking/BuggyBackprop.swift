import BackpropEngine

extension BackpropBug {
    /// The mini-batch gradient with this bug: (1/m) Σₓ ∇Cₓ (or 1/m² for
    /// `doubleBatchDivision`) plus (λ/n)·w, each ∇Cₓ from the broken `backprop`.
    func meanGradient(network: Network, batch: [Example], lambda: Double, n: Int) -> Gradient {
        var sum = Gradient(zerosLike: network)
        for example in batch { sum = sum + backprop(network: network, x: example.x, y: example.y) }
        let m = Double(max(batch.count, 1))
        let mean = (self == .doubleBatchDivision ? 1 / (m * m) : 1 / m) * sum
        return TextbookGradient.addingL2(to: mean, network: network, lambda: lambda, n: n)
    }

    /// `Network.backpropPass` with this one mistake, for one example (x, y).
    /// The forward pass is the engine's; the backward pass is written out again here,
    /// line for line as in the engine, so the mistake is visible next to BP1–BP4.
    func backprop(network: Network, x: Vector, y: Vector) -> Gradient {
        let pass = network.backpropPass(x: x, y: y)
        let (zs, activations, L) = (pass.zs, pass.activations, network.numLayers)
        var gradient = Gradient(zerosLike: network)

        var delta: Vector                                                   // BP1
        switch self {
        case .noOutputSigmaPrime:
            delta = outputCostGradient(network.cost, a: activations[L - 1], y: y)
        case .wrongSign:
            delta = -1 * network.cost.delta(z: zs[L - 2], a: activations[L - 1], y: y)
        case .crossEntropyDelta:
            delta = activations[L - 1] - y
        default:
            delta = network.cost.delta(z: zs[L - 2], a: activations[L - 1], y: y)
        }
        record(delta, layer: L, activations: activations, into: &gradient)
        for l in stride(from: L - 1, through: 2, by: -1) {                  // BP2
            let back = self == .wrongWeightMatrix
                ? wrappedProduct(network.weights[l - 2], delta, rows: network.sizes[l - 1])
                : network.weights[l - 1].transposed() * delta
            delta = self == .noHiddenSigmaPrime ? back : back ⊙ sigmoidPrime(zs[l - 2])
            record(delta, layer: l, activations: activations, into: &gradient)
        }
        return gradient
    }

    /// BP3 and BP4 for layer l (with this bug's mistakes in them).
    private func record(_ delta: Vector, layer l: Int, activations: [Vector], into gradient: inout Gradient) {
        gradient.nablaB[l - 2] = self == .zeroBiasGradient ? Vector(zeros: delta.count) : delta     // BP3
        let columns = gradient.nablaW[l - 2].columns
        let a = self == .wrongActivation
            ? Vector((0..<columns).map { activations[l - 1][$0 % activations[l - 1].count] })     // aˡ, wrapped
            : activations[l - 2]                                                                 // aˡ⁻¹
        gradient.nablaW[l - 2] = Matrix.outer(delta, a)                                          // BP4
    }

    /// M δ where M has `rows` rows and δ.count columns and M[j, k] = w[j mod w.rows, k mod w.columns]:
    /// the wrong matrix wˡ forced into the shape (wˡ⁺¹)ᵀ has.
    private func wrappedProduct(_ w: Matrix, _ delta: Vector, rows: Int) -> Vector {
        Vector((0..<rows).map { j in
            (0..<delta.count).reduce(0) { $0 + w[j % w.rows, $1 % w.columns] * delta[$1] }
        })
    }
}

/// ∇ₐC, the derivative of the cost with respect to the output activations:
/// aᴸ − y for the quadratic cost, (aᴸ − y) / (aᴸ(1 − aᴸ)) for cross-entropy.
func outputCostGradient(_ cost: Cost, a: Vector, y: Vector) -> Vector {
    switch cost {
    case .quadratic: a - y
    case .crossEntropy: Vector(zip(a.elements, y.elements).map { a, y in (a - y) / (a * (1 - a)) })
    }
}
