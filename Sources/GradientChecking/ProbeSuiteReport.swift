import BackpropEngine

/// The verdict of the probing suite on a gradient BackpropLab did not compute:
/// every probe's outcome, in order, and what could not be checked.
public struct ProbeSuiteReport: Sendable {
    /// What was checked, for the report's first line (a file, a command, "GradientFunction").
    public var subject: String
    public var seed: UInt64
    public var options: CheckOptions
    public var outcomes: [ProbeOutcome]
    /// Seconds from the first request to the verdict, program start included.
    public var seconds: Double
    /// Why the suite stopped before its last probe, if it did: after a wrong answer, a
    /// program that then crashes or hangs does not change the verdict.
    public var stopped: String?

    public init(subject: String, seed: UInt64, options: CheckOptions, outcomes: [ProbeOutcome], seconds: Double) {
        self.subject = subject
        self.seed = seed
        self.options = options
        self.outcomes = outcomes
        self.seconds = seconds
    }

    /// The first probe whose answer is wrong, if any.
    public var firstFailure: ProbeOutcome? { outcomes.first { $0.verdict.isFailure } }
    /// The probes the program declined.
    public var declined: [ProbeOutcome] { outcomes.filter { if case .declined = $0.verdict { true } else { false } } }
    /// How many probes were actually compared.
    public var checked: Int { outcomes.count - declined.count }
    /// True when something was checked and nothing failed.
    public var passed: Bool { firstFailure == nil && checked > 0 }
}

extension GradientChecker {
    /// The probing suite over a Swift `GradientFunction` (the library path of
    /// `gradcheck --exec`): every probe of `ProbeSuite.standard(seed:extra:)`, each
    /// asked twice where a program would be, compared with finite differences and
    /// `autodiff`. A `backprop` probe calls `gradient(network, [example], 0, 1)`; a
    /// mini-batch probe `gradient(network, batch, λ, n)` directly (no step is taken).
    public func checkSuite(_ gradient: GradientFunction, seed: UInt64 = 1, extra: Network? = nil,
                           autodiff: ProbeOutcome.SecondOracle? = nil) -> ProbeSuiteReport {
        let start = ContinuousClock.now
        var generator = SeededGenerator(seed: seed)
        var outcomes: [ProbeOutcome] = []
        for (index, probe) in ProbeSuite.standard(seed: seed, extra: extra).enumerated() {
            let answer = gradient(probe.network, probe.examples, probe.lambda, probe.n)
            if index == 0, let differs = ProbeOutcome.compareRepeat(
                probe: probe, first: answer, second: gradient(probe.network, probe.examples, probe.lambda, probe.n), options: options) {
                outcomes.append(differs)
                continue
            }
            let received = ReceivedGradient(
                nablaB: answer.nablaB.map { .init(shape: [$0.count, 1], values: $0.elements) },
                nablaW: answer.nablaW.map { .init(shape: [$0.rows, $0.columns], values: $0.elements) })
            var direct = probe
            direct.kind = .example
            var outcome = ProbeOutcome.evaluate(probe: direct, answer: .gradient(received), options: options,
                                                autodiff: autodiff, generator: &generator)
            outcome.probe = probe
            outcomes.append(outcome)
        }
        return ProbeSuiteReport(subject: "GradientFunction", seed: seed, options: options, outcomes: outcomes,
                                seconds: elapsedSeconds(since: start))
    }
}
