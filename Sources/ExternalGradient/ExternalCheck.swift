import BackpropEngine
import GradientChecking

/// The probing suite against a program: gradcheck's `--exec` and `--network-py`.
public enum ExternalCheck {
    /// Starts `arguments`, puts every probe of `ProbeSuite.standard` to it (the first
    /// one twice, to catch state kept between calls), checks each answer with
    /// `ProbeOutcome.evaluate`, and ends the program.
    ///
    /// - Throws: `NoVerdict` when the program cannot be started, crashes, hangs past
    ///   `timeout` on one request, or answers something that is not an answer.
    public static func run(
        arguments: [String], subject: String, seed: UInt64, options: CheckOptions, timeout: Duration,
        extra: Network? = nil, extraExamples: [Example]? = nil,
        autodiff: ProbeOutcome.SecondOracle? = AutodiffReference.oracle
    ) throws(NoVerdict) -> ProbeSuiteReport {
        let start = ContinuousClock.now
        let program = try ExternalProgram(arguments: arguments, timeout: timeout)
        defer { program.finish() }
        var generator = SeededGenerator(seed: seed)
        var outcomes: [ProbeOutcome] = []
        var stopped: String?
        for (index, probe) in ProbeSuite.standard(seed: seed, extra: extra, extraExamples: extraExamples).enumerated() {
            let answer: ProbeAnswer
            do {
                answer = try program.ask(probe)
            } catch {
                // Once an answer was wrong the verdict stands; a crash after it is noted.
                guard outcomes.contains(where: \.verdict.isFailure) else { throw error }
                stopped = error.message
                break
            }
            if index == 0, case .gradient(let first) = answer, case .gradient(let second) = try program.ask(probe),
               case .success(let a) = first.gradient(for: probe.network), case .success(let b) = second.gradient(for: probe.network),
               let differs = ProbeOutcome.compareRepeat(probe: probe, first: a, second: b, options: options) {
                outcomes.append(differs)
                continue
            }
            outcomes.append(ProbeOutcome.evaluate(probe: probe, answer: answer, options: options,
                                                  autodiff: autodiff, generator: &generator))
        }
        program.finish()
        let seconds = start.duration(to: .now)
        var report = ProbeSuiteReport(subject: subject, seed: seed, options: options, outcomes: outcomes,
                                      seconds: Double(seconds.components.seconds) + Double(seconds.components.attoseconds) * 1e-18)
        report.stopped = stopped
        return report
    }
}
