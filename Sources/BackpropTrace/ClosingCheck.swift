import BackpropEngine
import GradientChecking

/// The closing check of a trace: the traced gradient (BP1–BP4 for this one example)
/// against central finite differences of the cost, by the `GradientChecking` library.
///
/// Every weight and bias p is checked (`CheckMode.full`):
///
///     numeric = (C(p + ε) − C(p − ε)) / 2ε,   relative error = |g − numeric| / max(|g|, |numeric|)
///
/// where g is the value the trace shows. A correct backprop agrees to about 10⁻⁹.
public struct ClosingCheck: Sendable {
    /// The full report of the checker.
    public let report: GradientCheckReport

    /// Checks `gradient` (the traced ∇Cₓ for `example`) against finite differences.
    public init(network: Network, example: Example, gradient: Gradient) {
        var generator = SeededGenerator(seed: 1)   // the full mode draws nothing
        report = GradientChecker(options: CheckOptions(mode: .full)).check(
            network: network, batch: [example],
            gradient: { _, _, _, _ in gradient },
            generator: &generator
        )
    }

    /// The step ε of the central differences.
    public var step: Double { report.options.epsilon }
    /// How many weights and biases were checked.
    public var parameterCount: Int { report.checked }
    /// The largest relative error over all of them.
    public var maxRelativeError: Double { report.maxRelativeError }
    /// Whether every entry is within the checker's tolerances.
    public var passed: Bool { report.passed }
}
