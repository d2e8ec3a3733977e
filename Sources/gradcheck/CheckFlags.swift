import ArgumentParser
import CommandLineSupport
import GradientChecking

/// The flags of the comparison itself — the step ε of the central difference, the
/// tolerances, which entries are compared and with which oracles — checked and turned
/// into `CheckOptions` in one place.
struct CheckFlags: ParsableArguments {
    @Option(help: "Step ε of the central difference (C(θ+ε) − C(θ−ε)) / 2ε.")
    var epsilon = CheckOptions.defaultEpsilon

    @Option(help: "Relative tolerance: an entry fails when its relative error exceeds this and its absolute error exceeds --atol.")
    var rtol = CheckOptions.defaultRtol

    @Option(help: "Absolute tolerance (see --rtol).")
    var atol = CheckOptions.defaultAtol

    @Option(help: "full: every weight and bias; directional: random unit directions per layer; sample: random entries per layer.")
    var mode = ModeChoice.full

    @Option(help: "Entries per layer and kind for --mode sample.")
    var samples = 20

    @Option(help: "Random unit directions per layer and kind for --mode directional.")
    var directions = 3

    @Option(help: "Oracles to compare backprop with: fd (finite differences), autodiff, or both.")
    var oracle = OracleChoice.both

    func validate() throws {
        try requirePositive(epsilon, "--epsilon")
        guard rtol.isFinite, rtol >= 0 else { throw ValidationError("--rtol must be a number ≥ 0, got \(rtol)") }
        guard atol.isFinite, atol >= 0 else { throw ValidationError("--atol must be a number ≥ 0, got \(atol)") }
        try requireAtLeast(samples, 1, "--samples")
        try requireAtLeast(directions, 1, "--directions")
        guard directions <= 1000 else { throw ValidationError("--directions must be at most 1000, got \(directions)") }
    }

    /// The options for checking BackpropLab's own backprop: the entries `--mode` picks,
    /// finite differences unless `--oracle autodiff`.
    var options: CheckOptions {
        let checkMode: CheckMode = switch mode {
        case .full: .full
        case .sample: .sample(count: samples)
        case .directional: .directional(count: directions)
        }
        return CheckOptions(epsilon: epsilon, rtol: rtol, atol: atol, mode: checkMode, useFiniteDifferences: oracle != .autodiff)
    }

    /// The step and tolerances alone, for a gradient BackpropLab did not compute (the
    /// probing suite and the gradient file choose their own entries).
    var tolerances: CheckOptions { CheckOptions(epsilon: epsilon, rtol: rtol, atol: atol) }
}
