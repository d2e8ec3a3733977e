import BackpropEngine

/// One step of mini-batch gradient descent, shown in full: the gradient of every
/// example (each from the engine's BP1–BP4), their mean, and the update
///
///     w → w − (η/m) Σₓ ∂Cₓ/∂w,    b → b − (η/m) Σₓ ∂Cₓ/∂b
///
/// which the engine's `updateMiniBatch` applies. The mean is summed here only to show
/// it; the updated network is the engine's.
public struct BatchStep: Sendable {
    /// The network before the step.
    public let before: Network
    /// The network after `updateMiniBatch(examples, eta:)`.
    public let after: Network
    /// The mini-batch, each example traced.
    public let examples: [ExampleTrace]
    /// The learning rate η.
    public let eta: Double

    /// Traces every example and takes one gradient-descent step with the engine.
    public init(network: Network, examples: [Example], eta: Double) {
        before = network
        self.examples = examples.map { ExampleTrace(network: network, example: $0) }
        var updated = network
        updated.updateMiniBatch(examples, eta: eta)
        after = updated
        self.eta = eta
    }

    /// m, the mini-batch size.
    public var size: Int { examples.count }

    /// ∇Cₓ for each example.
    public var gradients: [Gradient] { examples.map(\.pass.gradient) }

    /// The mean gradient (1/m) Σₓ ∇Cₓ.
    public var meanGradient: Gradient {
        let sum = gradients.reduce(Gradient(zerosLike: before)) { $0 + $1 }
        return (1 / Double(max(size, 1))) * sum
    }

    /// The cost over the mini-batch before the step, (1/m) Σₓ Cₓ.
    public var costBefore: Double { before.totalCost(examples.map(\.example)) }
    /// The cost over the mini-batch after the step.
    public var costAfter: Double { after.totalCost(examples.map(\.example)) }
}
