import BackpropEngine

/// The verdict on one probe.
public struct ProbeOutcome: Sendable {
    public enum Verdict: Sendable, Equatable {
        case passed
        /// The values disagree with the oracles; the diagnosis names layer and equation.
        case wrongGradient(Diagnosis?)
        case wrongShape(ShapeMismatch)
        /// NaN or ±∞ in the answer.
        case notFinite(String)
        /// Two identical requests got different answers (largest relative difference).
        case differsOnRepeat(Double)
        case declined(String)

        public var isFailure: Bool {
            switch self {
            case .passed, .declined: false
            default: true
            }
        }
    }

    public var probe: GradientProbe
    public var verdict: Verdict
    /// The comparison with the oracles, when the answer had the right shapes.
    public var report: GradientCheckReport?
    /// The gradient received (recovered from the step for a mini-batch probe), in the
    /// order of `Network.parameters`.
    public var received: [Double]?

    public init(probe: GradientProbe, verdict: Verdict, report: GradientCheckReport? = nil, received: [Double]? = nil) {
        self.probe = probe
        self.verdict = verdict
        self.report = report
        self.received = received
    }

    /// A second oracle for a probe: the full gradient of the probe's cost, with seconds.
    public typealias SecondOracle = @Sendable (Network, [Example], Double, Int) -> (gradient: [Double], seconds: Double)?

    /// Checks `answer` to `probe`: shapes first, then NaN/∞, then every entry against
    /// central differences of BackpropLab's own cost (`GradientChecker`, mode `full`
    /// unless `options` says otherwise) and `autodiff` when given.
    public static func evaluate(probe: GradientProbe, answer: ProbeAnswer, options: CheckOptions,
                                autodiff: SecondOracle? = nil, generator: inout SeededGenerator) -> ProbeOutcome {
        let network = probe.network
        let gradient: Gradient
        switch answer {
        case .declined(let reason):
            return ProbeOutcome(probe: probe, verdict: .declined(reason))
        case .gradient(let received):
            switch received.gradient(for: network) {
            case .failure(let mismatch): return ProbeOutcome(probe: probe, verdict: .wrongShape(mismatch))
            case .success(let g): gradient = g
            }
        case .updated(let received):
            switch received.gradient(for: network, names: ("biases", "weights")) {
            case .failure(let mismatch): return ProbeOutcome(probe: probe, verdict: .wrongShape(mismatch))
            case .success(let updated):
                // θ′ = θ − η∇C, so ∇C = (θ − θ′)/η.
                let eta = if case .miniBatch(let eta) = probe.kind { eta } else { 1.0 }
                gradient = (1 / eta) * (Gradient(nablaB: network.biases, nablaW: network.weights) + (-1) * updated)
            }
        }
        let flat = gradient.flattened
        if let problem = nonFinite(gradient, answer: answer) {
            return ProbeOutcome(probe: probe, verdict: .notFinite(problem), received: flat)
        }
        let second = autodiff?(network, probe.examples, probe.lambda, probe.n)
        let report = GradientChecker(options: options).check(
            network: network, batch: probe.examples, lambda: probe.lambda, n: probe.n,
            gradient: { _, _, _, _ in gradient }, autodiff: second, generator: &generator)
        return ProbeOutcome(probe: probe, verdict: report.passed ? .passed : .wrongGradient(report.diagnosis),
                            report: report, received: flat)
    }

    /// Compares the answers to two identical requests: `nil` when they agree to the
    /// check's tolerances, otherwise the outcome naming the largest relative difference.
    /// A deterministic program answers bit for bit the same; any difference above rtol
    /// means state kept between calls (an accumulator not reset) or randomness.
    public static func compareRepeat(probe: GradientProbe, first: Gradient, second: Gradient, options: CheckOptions) -> ProbeOutcome? {
        var worst = 0.0
        var differs = false
        for (a, b) in zip(first.flattened, second.flattened) {
            let r = relativeError(a, b, floor: options.relativeErrorFloor)
            if abs(a - b) > options.atol && r > options.rtol { differs = true }
            worst = max(worst, r)
        }
        return differs ? ProbeOutcome(probe: probe, verdict: .differsOnRepeat(worst), received: second.flattened) : nil
    }

    /// Names the first array with NaN or ±∞, or `nil` when every number is finite.
    static func nonFinite(_ g: Gradient, answer: ProbeAnswer) -> String? {
        let (b, w) = if case .updated = answer { ("biases", "weights") } else { ("nabla_b", "nabla_w") }
        for (i, (nb, nw)) in zip(g.nablaB, g.nablaW).enumerated() {
            let bad = nb.elements.filter { !$0.isFinite }.count
            if bad > 0 { return "\(b)[\(i)] (layer \(i + 2)) has \(bad) \(bad == 1 ? "entry that is" : "entries that are") NaN or ±∞" }
            let badW = nw.elements.filter { !$0.isFinite }.count
            if badW > 0 { return "\(w)[\(i)] (layer \(i + 2)) has \(badW) \(badW == 1 ? "entry that is" : "entries that are") NaN or ±∞" }
        }
        return nil
    }
}
