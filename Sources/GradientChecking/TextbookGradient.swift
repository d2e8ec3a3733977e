import BackpropEngine

/// A gradient under test: given the network, the mini-batch, λ and the training-set
/// size n, it returns ∂C/∂w and ∂C/∂b of the training cost
/// C = (1/m) Σₓ Cₓ + (λ/2n) Σ w² (`Network.totalCost(_:lambda:n:)`).
///
/// The checker takes any such function, so a faster engine can be checked by the same
/// code as the textbook one.
public typealias GradientFunction = @Sendable (Network, [Example], Double, Int) -> Gradient

/// The gradient of the textbook engine, as `update_mini_batch` uses it.
public enum TextbookGradient {
    /// ∇C = (1/m) Σₓ ∇Cₓ from `backprop` for each example x of the mini-batch (BP1–BP4,
    /// then the mean of chapter 1, eqs. 18–21), plus (λ/n)·w for the L2 term when λ ≠ 0
    /// (∂/∂w of (λ/2n) Σ w², chapter 3's eq. 87).
    @Sendable
    public static func mean(network: Network, batch: [Example], lambda: Double, n: Int) -> Gradient {
        var sum = Gradient(zerosLike: network)
        for example in batch { sum = sum + network.backprop(x: example.x, y: example.y) }
        return addingL2(to: (1 / Double(max(batch.count, 1))) * sum, network: network, lambda: lambda, n: n)
    }

    /// g + (λ/n)·w in every weight block (biases are not regularized).
    public static func addingL2(to g: Gradient, network: Network, lambda: Double, n: Int) -> Gradient {
        guard lambda != 0 else { return g }
        var result = g
        let scale = lambda / Double(max(n, 1))
        result.nablaW = zip(g.nablaW, network.weights).map { nw, w in nw + scale * w }
        return result
    }
}
