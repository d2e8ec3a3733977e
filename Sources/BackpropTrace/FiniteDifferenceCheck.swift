import BackpropEngine

/// The closing check of a trace: how far the traced gradient is from central finite
/// differences of the cost, for the same example.
///
/// For every weight and bias p (in `Network.parameters` order):
///
///     numeric = (C(p + h) − C(p − h)) / 2h,   relative error = |g − numeric| / max(|g|, |numeric|)
///
/// (0 when both are 0), where g is the backprop value. A correct BP1–BP4 gives errors
/// around 1e-8 or smaller with h = 1e-5.
///
/// This is a small stand-in: it should give way to the `GradientChecking` library
/// once that is merged, so the project has one gradient checker.
public struct FiniteDifferenceCheck: Sendable, Equatable {
    /// The step h.
    public let step: Double
    /// How many weights and biases were checked.
    public let parameterCount: Int
    /// The largest relative error over all of them.
    public let maxRelativeError: Double

    /// Checks `gradient` (backprop's ∇Cₓ for `example`) against central differences.
    public init(network: Network, example: Example, gradient: Gradient, step: Double = 1e-5) {
        let parameters = network.parameters
        let analytic = gradient.flattened
        var probe = network
        func cost(_ values: [Double]) -> Double {
            probe.setParameters(values)
            return probe.totalCost([example])
        }
        var worst = 0.0
        for i in parameters.indices where i < analytic.count {
            var plus = parameters, minus = parameters
            plus[i] += step
            minus[i] -= step
            let numeric = (cost(plus) - cost(minus)) / (2 * step)
            let scale = max(abs(analytic[i]), abs(numeric))
            if scale > 0 { worst = max(worst, abs(analytic[i] - numeric) / scale) }
        }
        self.step = step
        self.parameterCount = parameters.count
        self.maxRelativeError = worst
    }
}
