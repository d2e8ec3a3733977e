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
    ///
    /// The engine's pass is the starting point and is kept wherever the bug does not
    /// reach: a BP3 or BP4 bug only rewrites the gradient it breaks (every δ is the
    /// engine's); a BP2 bug keeps layer L; a BP1 bug recomputes every δ from its wrong
    /// δᴸ down, with BP2 written out here so the mistake is visible next to it; the
    /// mini-batch bug does not touch one example's gradient at all.
    func backprop(network: Network, x: Vector, y: Vector) -> Gradient {
        let pass = network.backpropPass(x: x, y: y)
        let (zs, activations, L) = (pass.zs, pass.activations, network.numLayers)
        var gradient = pass.gradient
        switch self {
        case .doubleBatchDivision:
            return gradient
        case .zeroBiasGradient:                                                  // BP3
            gradient.nablaB = gradient.nablaB.map { Vector(zeros: $0.count) }
            return gradient
        case .wrongActivation:                                                   // BP4
            for l in 2...L {
                let columns = gradient.nablaW[l - 2].columns
                let a = Vector((0..<columns).map { activations[l - 1][$0 % activations[l - 1].count] })   // aˡ, wrapped
                gradient.nablaW[l - 2] = Matrix.outer(pass.deltas[l - 2], a)
            }
            return gradient
        case .noHiddenSigmaPrime, .wrongWeightMatrix:
            return propagate(pass.deltas[L - 2], network: network, pass: pass, into: gradient)
        case .noOutputSigmaPrime, .wrongSign, .crossEntropyDelta:                // BP1
            let delta = switch self {
            case .noOutputSigmaPrime: network.cost.derivative(a: activations[L - 1], y: y)
            case .wrongSign: -1 * network.cost.delta(z: zs[L - 2], a: activations[L - 1], y: y)
            default: activations[L - 1] - y
            }
            gradient.nablaB[L - 2] = delta                                       // BP3
            gradient.nablaW[L - 2] = Matrix.outer(delta, activations[L - 2])     // BP4
            return propagate(delta, network: network, pass: pass, into: gradient)
        }
    }

    /// BP2 from δᴸ down to layer 2 (with this bug's mistakes in it), then BP3 and BP4
    /// for every layer below L.
    private func propagate(_ outputDelta: Vector, network: Network, pass: BackpropPass, into gradient: Gradient) -> Gradient {
        var gradient = gradient
        var delta = outputDelta
        for l in stride(from: network.numLayers - 1, through: 2, by: -1) {      // BP2
            let back = self == .wrongWeightMatrix
                ? wrappedProduct(network.weights[l - 2], delta, rows: network.sizes[l - 1])
                : network.weights[l - 1].transposed() * delta
            delta = self == .noHiddenSigmaPrime ? back : back ⊙ sigmoidPrime(pass.zs[l - 2])
            gradient.nablaB[l - 2] = delta                                        // BP3
            gradient.nablaW[l - 2] = Matrix.outer(delta, pass.activations[l - 2]) // BP4
        }
        return gradient
    }

    /// M δ where M has `rows` rows and δ.count columns and M[j, k] = w[j mod w.rows, k mod w.columns]:
    /// the wrong matrix wˡ forced into the shape (wˡ⁺¹)ᵀ has.
    private func wrappedProduct(_ w: Matrix, _ delta: Vector, rows: Int) -> Vector {
        Vector((0..<rows).map { j in
            (0..<delta.count).reduce(0) { $0 + w[j % w.rows, $1 % w.columns] * delta[$1] }
        })
    }
}
