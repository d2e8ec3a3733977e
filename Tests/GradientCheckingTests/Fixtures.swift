import BackpropEngine
import GradientChecking

/// A random network and mini-batch for `seed`, with parameters drawn from N(0, 1)
/// (chapter 1's initializer) and inputs uniform in [0, 1) (some zero when density < 1).
func randomProblem(sizes: [Int], cost: Cost, seed: UInt64, batch: Int, density: Double = 1) throws -> (Network, [Example]) {
    var generator = SeededGenerator(seed: seed)
    let network = try Network(sizes: sizes, cost: cost, generator: &generator)
    let examples = SyntheticBatch.make(sizes: sizes, count: batch, density: density, generator: &generator)
    return (network, examples)
}

/// Runs the checker with finite differences only.
func runCheck(_ network: Network, _ batch: [Example], lambda: Double, mode: CheckMode = .full,
              gradient: GradientFunction = TextbookGradient.mean, seed: UInt64 = 1) -> GradientCheckReport {
    var generator = SeededGenerator(seed: seed)
    return GradientChecker(options: CheckOptions(mode: mode))
        .check(network: network, batch: batch, lambda: lambda, gradient: gradient, generator: &generator)
}
