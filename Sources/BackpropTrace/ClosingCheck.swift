import BackpropEngine
import GradientChecking

/// The closing check of a trace: the traced gradient (BP1–BP4 for this one example)
/// against central finite differences of the cost, by the `GradientChecking` library.
///
/// Every weight and bias p is checked (`CheckMode.full`; a seeded sample for large nets):
///
///     numeric = (C(p + ε) − C(p − ε)) / 2ε,   relative error = |g − numeric| / max(|g|, |numeric|)
///
/// where g is the value the trace shows. A correct backprop agrees to about 10⁻⁹.
public struct ClosingCheck: Sendable {
    /// The full report of the checker.
    public let report: GradientCheckReport

    /// Networks with more weights and biases than this are checked on a seeded sample.
    public static let maximumFullCheck = 5_000
    /// Entries per layer and kind in the sampled check of a large network.
    public static let sampleSize = 20

    /// Checks `gradient` (the traced ∇Cₓ for `example`) against finite differences:
    /// every entry, or for networks above `maximumFullCheck` parameters
    /// up to `sampleSize` entries per layer and kind drawn with seed 1.
    public init(network: Network, example: Example, gradient: Gradient) {
        var generator = SeededGenerator(seed: 1)
        let mode: CheckMode = network.parameterCount <= Self.maximumFullCheck ? .full : .sample(count: Self.sampleSize)
        report = GradientChecker(options: CheckOptions(mode: mode)).check(
            network: network, batch: [example],
            gradient: { _, _, _, _ in gradient },
            generator: &generator
        )
        totalParameters = network.parameterCount
    }

    /// How many weights and biases the network has.
    public let totalParameters: Int
    /// Whether every weight and bias was checked (not a sample).
    public var isFull: Bool { parameterCount == totalParameters }
    /// The step ε of the central differences.
    public var step: Double { report.options.epsilon }
    /// How many weights and biases were checked.
    public var parameterCount: Int { report.checked }
    /// The largest relative error over all of them.
    public var maxRelativeError: Double { report.maxRelativeError }
    /// Whether every entry is within the checker's tolerances.
    public var passed: Bool { report.passed }
}
