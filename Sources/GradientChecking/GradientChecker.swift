import BackpropEngine
import Foundation

/// Checks a gradient against finite differences and, optionally, a second oracle.
///
///     var generator = SeededGenerator(seed: 1)
///     let report = GradientChecker(options: CheckOptions())
///         .check(network: network, batch: batch, generator: &generator)
///     print(report.passed)
///
/// The cost checked is the one training uses, `Network.totalCost(batch, lambda:, n:)`:
/// C = (1/m) Σₓ Cₓ + (λ/2n) Σ w². The gradient under test is any `GradientFunction`;
/// by default the textbook engine's `TextbookGradient.mean`.
public struct GradientChecker: Sendable {
    public var options: CheckOptions

    public init(options: CheckOptions = CheckOptions()) {
        self.options = options
    }

    /// Runs the check.
    ///
    /// - Parameters:
    ///   - network: the network whose parameters θ are perturbed (it is not changed).
    ///   - batch: the mini-batch the cost C averages over.
    ///   - lambda: the L2 regularization parameter λ of the cost (0: no L2 term).
    ///   - n: the training-set size that scales the L2 term (defaults to the batch size).
    ///   - gradient: the gradient under test.
    ///   - autodiff: a second oracle's full gradient in the order of `Network.parameters`
    ///     (e.g. from `AutodiffOracle`), with the seconds it took; ignored if its length
    ///     is wrong.
    ///   - generator: draws the sampled entries and the random directions.
    public func check(
        network: Network,
        batch: [Example],
        lambda: Double = 0,
        n: Int? = nil,
        gradient: GradientFunction = TextbookGradient.mean,
        autodiff: (gradient: [Double], seconds: Double)? = nil,
        generator: inout SeededGenerator
    ) -> GradientCheckReport {
        let n = n ?? batch.count
        var timings = GradientCheckReport.Timings()
        var start = ContinuousClock.now
        let tested = gradient(network, batch, lambda, n).flattened
        timings.gradient = elapsedSeconds(since: start)
        let autodiffGradient = autodiff.flatMap { $0.gradient.count == tested.count ? $0.gradient : nil }
        timings.autodiff = autodiffGradient == nil ? 0 : autodiff?.seconds ?? 0

        start = ContinuousClock.now
        // Entries use the fast single-unit propagation; directions the naive way.
        let fast = options.useFiniteDifferences && !isDirectional
            ? FastFiniteDifferences(network: network, batch: batch, lambda: lambda, n: n, epsilon: options.epsilon)
            : nil
        var blocks: [BlockResult] = []
        for block in network.parameterBlocks {
            let probes = self.probes(for: block, generator: &generator)
            var fd: [Double]?
            if options.useFiniteDifferences {
                fd = probes.map { probe in
                    switch probe {
                    case .entry(let i):
                        return fast?.partial(block: block, entry: i) ?? 0
                    case .direction(let v):
                        var full = [Double](repeating: 0, count: tested.count)
                        for (i, x) in v.enumerated() { full[block.offset + i] = x }
                        return FiniteDifferences.directional(
                            network: network, batch: batch, lambda: lambda, n: n, direction: full, epsilon: options.epsilon)
                    }
                }
            }
            blocks.append(BlockResult(
                block: block,
                probeLabels: probes.enumerated().map { index, probe in probe.label(block: block, number: index + 1) },
                tested: probes.map { $0.value(of: tested, in: block) },
                finiteDifferences: fd,
                autodiff: autodiffGradient.map { g in probes.map { $0.value(of: g, in: block) } },
                options: options
            ))
        }
        timings.finiteDifferences = options.useFiniteDifferences ? elapsedSeconds(since: start) : 0
        return GradientCheckReport(
            sizes: network.sizes, cost: network.cost, lambda: lambda, n: n, batchSize: batch.count,
            options: options, blocks: blocks,
            diagnosis: Diagnosis(blocks: blocks, layers: network.numLayers, batchSize: batch.count, atol: options.atol),
            timings: timings
        )
    }

    private var isDirectional: Bool {
        if case .directional = options.mode { return true }
        return false
    }

    /// The probes of one block for the chosen mode.
    func probes(for block: ParameterBlock, generator: inout SeededGenerator) -> [Probe] {
        switch options.mode {
        case .full:
            return (0..<block.count).map { .entry($0) }
        case .sample(let count):
            guard count < block.count else { return (0..<block.count).map { .entry($0) } }
            // The first `count` of a seeded shuffle, in order.
            return shuffledOrder(count: block.count, generator: &generator).prefix(count).sorted().map { .entry($0) }
        case .directional(let count):
            return (0..<count).map { _ in .direction(randomUnitVector(block.count, generator: &generator)) }
        }
    }
}

/// What a check compares: one entry of the gradient, or the gradient along a unit
/// direction v inside one block.
enum Probe {
    case entry(Int)
    case direction([Double])

    /// g · probe, for a full gradient g in the order of `Network.parameters`.
    func value(of g: [Double], in block: ParameterBlock) -> Double {
        switch self {
        case .entry(let i):
            return g[block.offset + i]
        case .direction(let v):
            var sum = 0.0
            for (i, x) in v.enumerated() { sum += g[block.offset + i] * x }
            return sum
        }
    }

    func label(block: ParameterBlock, number: Int) -> String {
        switch self {
        case .entry(let i): block.label(i)
        case .direction: "v\(number)"
        }
    }
}

/// A uniformly random unit vector in ℝᵈ: d Gaussians, normalized.
func randomUnitVector(_ d: Int, generator: inout SeededGenerator) -> [Double] {
    var v = generator.gaussians(d)
    let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard norm > 0 else { return [Double](repeating: 0, count: d) }
    for i in v.indices { v[i] /= norm }
    return v
}
