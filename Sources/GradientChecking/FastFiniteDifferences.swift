import BackpropEngine

/// Central differences of every single parameter without recomputing the whole network.
///
/// Changing wˡⱼₖ or bˡⱼ changes only one weighted input, zˡⱼ (by ε·aˡ⁻¹ₖ or ε):
/// eq. 25's zˡⱼ = Σₖ wˡⱼₖ aˡ⁻¹ₖ + bˡⱼ. So for each example the forward pass is done
/// once, and a perturbation only
///
/// 1. recomputes aˡⱼ = σ(zˡⱼ + Δz),
/// 2. updates zˡ⁺¹ by the one column wˡ⁺¹·ⱼ times the change in aˡⱼ,
/// 3. feeds forward normally from layer l + 1 (nothing, for a perturbation of the
///    output layer L).
///
/// When Δz is exactly 0 (a weight from an input pixel that is 0), the cost does not
/// change at all, in exact and in floating-point arithmetic, and nothing is computed.
/// The L2 term changes by (λ/2n)((w + ε)² − (w − ε)²) for a weight. The result equals
/// `FiniteDifferences.partial` up to rounding (the tests prove it on many nets), at a
/// cost of about (size of layer l + 1) operations per example instead of a full pass.
public struct FastFiniteDifferences: Sendable {
    public let network: Network
    public let batch: [Example]
    public let lambda: Double
    public let n: Int
    public let epsilon: Double
    /// zˡ and aˡ of the unperturbed network for every example (from `backpropPass`).
    private let passes: [BackpropPass]
    /// The cost Cₓ of each example, unperturbed.
    private let baseCosts: [Double]

    public init(network: Network, batch: [Example], lambda: Double = 0, n: Int? = nil, epsilon: Double) {
        self.network = network
        self.batch = batch
        self.lambda = lambda
        self.n = n ?? batch.count
        self.epsilon = epsilon
        passes = batch.map { network.backpropPass(x: $0.x, y: $0.y) }
        baseCosts = zip(passes, batch).map { network.cost.fn(a: $0.activations[$0.activations.count - 1], y: $1.y) }
    }

    /// ≈ ∂C/∂θ for entry `i` of `block`, by the central difference.
    public func partial(block: ParameterBlock, entry i: Int) -> Double {
        let (j, k) = block.position(i)
        let li = block.layer - 2
        let w: Double
        if let k { w = network.weights[li][j, k] } else { w = network.biases[li][j] }
        // The perturbation actually applied in floating point, as the naive way would.
        let hPlus = (w + epsilon) - w, hMinus = (w - epsilon) - w
        var sum = 0.0
        var scratch = Vector(zeros: network.sizes[network.sizes.count - 1])
        for e in batch.indices {
            let input = k.map { passes[e].activations[li][$0] } ?? 1
            guard input != 0 else { continue }
            let cPlus = perturbedCost(example: e, layer: li, neuron: j, dz: hPlus * input, scratch: &scratch)
            let cMinus = perturbedCost(example: e, layer: li, neuron: j, dz: hMinus * input, scratch: &scratch)
            sum += cPlus - cMinus
        }
        var result = sum / Double(max(batch.count, 1)) / (2 * epsilon)
        if k != nil, lambda != 0 {
            let plus = w + epsilon, minus = w - epsilon
            result += lambda / (2 * Double(max(n, 1))) * (plus * plus - minus * minus) / (2 * epsilon)
        }
        return result
    }

    /// Cₓ after adding `dz` to zˡⱼ of example `e` (`layer` is the index l − 2).
    /// `scratch` is reused for the output activations, to spare an allocation per call.
    func perturbedCost(example e: Int, layer li: Int, neuron j: Int, dz: Double, scratch: inout Vector) -> Double {
        let pass = passes[e]
        let newA = sigmoid(pass.zs[li][j] + dz)
        let last = network.weights.count - 1
        if li == last {
            scratch = pass.activations[li + 1]
            scratch[j] = newA
            return network.cost.fn(a: scratch, y: batch[e].y)
        }
        let da = newA - pass.activations[li + 1][j]
        let next = network.weights[li + 1]
        let z = pass.zs[li + 1]
        if li + 1 == last {
            // The common case (one hidden layer below L): zᴸ changes by wᴸ·ⱼ Δaˡⱼ.
            next.elements.withUnsafeBufferPointer { w in
                for r in 0..<next.rows { scratch[r] = sigmoid(z[r] + w[r * next.columns + j] * da) }
            }
            return network.cost.fn(a: scratch, y: batch[e].y)
        }
        var a = z
        for r in 0..<next.rows { a[r] = sigmoid(z[r] + next[r, j] * da) }
        for l in (li + 2)...last {
            a = sigmoid(network.weights[l] * a + network.biases[l])
        }
        return network.cost.fn(a: a, y: batch[e].y)
    }
}
