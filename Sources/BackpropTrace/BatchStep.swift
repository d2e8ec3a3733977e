import BackpropEngine

/// One step of mini-batch gradient descent, shown in full: the gradient of every
/// example (each from the engine's BP1–BP4), their mean, and the update
///
///     w → (1 − ηλ/n) w − (η/m) Σₓ ∂Cₓ/∂w,    b → b − (η/m) Σₓ ∂Cₓ/∂b
///
/// which the engine's `updateMiniBatch(_:eta:lambda:n:)` applies (`network2.py`'s
/// `update_mini_batch`; with λ = 0, chapter 1's step w → w − (η/m) Σₓ ∂Cₓ/∂w). m is
/// the mini-batch size, n the training-set size the L2 term is scaled by; biases are
/// not decayed. The mean is summed here only to show it; the updated network is the
/// engine's.
public struct BatchStep: Sendable {
    /// The network before the step.
    public let before: Network
    /// The network after `updateMiniBatch(examples, eta:)`.
    public let after: Network
    /// The mini-batch, each example traced.
    public let examples: [ExampleTrace]
    /// The learning rate η.
    public let eta: Double
    /// The L2 regularization parameter λ (0: chapter 1's plain step).
    public let lambda: Double
    /// n, the training-set size the weight decay ηλ/n is scaled by.
    public let n: Int

    /// Traces every example and takes one gradient-descent step with the engine;
    /// `n` defaults to the mini-batch size m (as `gradcheck` does).
    public init(network: Network, examples: [Example], eta: Double, lambda: Double = 0, n: Int? = nil) {
        before = network
        self.examples = examples.map { ExampleTrace(network: network, example: $0) }
        let n = n ?? examples.count
        var updated = network
        updated.updateMiniBatch(examples, eta: eta, lambda: lambda, n: n)
        after = updated
        self.eta = eta
        self.lambda = lambda
        self.n = n
    }

    /// Whether the step decays the weights (λ ≠ 0).
    public var isRegularized: Bool { lambda != 0 }

    /// The weight-decay factor 1 − ηλ/n that multiplies every wˡ (1 when λ = 0).
    public var decay: Double { 1 - eta * lambda / Double(max(n, 1)) }

    /// m, the mini-batch size.
    public var size: Int { examples.count }

    /// ∇Cₓ for each example.
    public var gradients: [Gradient] { examples.map(\.pass.gradient) }

    /// The mean gradient (1/m) Σₓ ∇Cₓ.
    public var meanGradient: Gradient {
        let sum = gradients.reduce(Gradient(zerosLike: before)) { $0 + $1 }
        return (1 / Double(max(size, 1))) * sum
    }

    /// The cost over the mini-batch before the step, (1/m) Σₓ Cₓ, plus the L2 term
    /// (λ/2n) Σ w² when λ ≠ 0 (`network2.py`'s `total_cost`).
    public var costBefore: Double { before.totalCost(examples.map(\.example), lambda: lambda, n: n) }
    /// The cost over the mini-batch after the step, the same way.
    public var costAfter: Double { after.totalCost(examples.map(\.example), lambda: lambda, n: n) }
}
