import BackpropEngine
import Synchronization
import Testing
@testable import GradientChecking

@Suite("The probing suite on Swift gradients, the m-times diagnosis, the zoo reusing the engine")
struct ProbeSuiteTests {
    @Test("the textbook engine passes every probe; every zoo bug fails at the probe and equation expected")
    func suiteOnGradientFunctions() {
        let checker = GradientChecker()
        let right = checker.checkSuite(TextbookGradient.mean)
        #expect(right.passed, "\(right.text())")
        #expect(right.checked == 9)
        for bug in BackpropBug.allCases {
            let report = checker.checkSuite(bug.gradient)
            #expect(!report.passed, "\(bug.rawValue) passed")
            guard case .wrongGradient(let diagnosis?) = report.firstFailure?.verdict else {
                Issue.record("\(bug.rawValue): \(String(describing: report.firstFailure?.verdict))")
                continue
            }
            #expect(diagnosis.culprit == bug.expectedCulprit, "\(bug.rawValue): \(diagnosis)")
        }
    }

    @Test("a sum where the mean belongs is blamed on the mean, not on BP1")
    func sumInsteadOfMean() throws {
        let (network, batch) = try randomProblem(sizes: [3, 4, 2], cost: .quadratic, seed: 3, batch: 4)
        let summed: GradientFunction = { network, batch, lambda, n in
            Double(batch.count) * TextbookGradient.mean(network: network, batch: batch, lambda: lambda, n: n)
        }
        let report = runCheck(network, batch, lambda: 0, gradient: summed)
        #expect(report.diagnosis?.culprit == .batchMean)
        #expect(report.diagnosis?.reason.contains("exactly 4 times") == true)
    }

    @Test("a state-keeping gradient is caught by the repeated request")
    func stateBetweenCalls() {
        let counter = Counter()
        let stateful: GradientFunction = { network, batch, lambda, n in
            Double(counter.next()) * TextbookGradient.mean(network: network, batch: batch, lambda: lambda, n: n)
        }
        let report = GradientChecker().checkSuite(stateful)
        guard case .differsOnRepeat = report.firstFailure?.verdict else {
            Issue.record("\(String(describing: report.firstFailure?.verdict))")
            return
        }
    }

    @Test("wrong shapes, NaN and declined probes are verdicts, not crashes")
    func shapesAndNaN() throws {
        let probe = ProbeSuite.standard(seed: 1)[0]
        var generator = SeededGenerator(seed: 1)
        let g = probe.network.backprop(x: probe.examples[0].x, y: probe.examples[0].y)
        var nablaW = g.nablaW.map { ReceivedGradient.Array2D(shape: [$0.rows, $0.columns], values: $0.elements) }
        let nablaB = g.nablaB.map { ReceivedGradient.Array2D(shape: [$0.count], values: $0.elements) }
        nablaW[1].shape = [nablaW[1].shape[1], nablaW[1].shape[0]]
        let shape = ProbeOutcome.evaluate(probe: probe, answer: .gradient(.init(nablaB: nablaB, nablaW: nablaW)),
                                          options: CheckOptions(), generator: &generator)
        #expect(shape.verdict == .wrongShape(ShapeMismatch(layer: 3, name: "nabla_w[1]", expected: "(2, 4), the shape of weights[1]", received: "(4, 2)")))
        var nan = nablaB
        nan[0].values[1] = .nan
        let notFinite = ProbeOutcome.evaluate(probe: probe, answer: .gradient(.init(nablaB: nan, nablaW: g.nablaW.map { .init(shape: [$0.rows, $0.columns], values: $0.elements) })),
                                              options: CheckOptions(), generator: &generator)
        #expect(notFinite.verdict == .notFinite("nabla_b[0] (layer 2) has 1 entry that is NaN or ±∞"))
        let declined = ProbeOutcome.evaluate(probe: probe, answer: .declined("no"), options: CheckOptions(), generator: &generator)
        #expect(!declined.verdict.isFailure)
    }

    @Test("the zoo reuses the engine: the layers and kinds a bug does not touch equal the engine's exactly",
          arguments: BackpropBug.allCases)
    func zooReusesTheEngine(bug: BackpropBug) throws {
        let (network, batch) = try randomProblem(sizes: [3, 4, 5, 2], cost: .quadratic, seed: 7, batch: 1)
        let engine = network.backprop(x: batch[0].x, y: batch[0].y)
        let buggy = bug.backprop(network: network, x: batch[0].x, y: batch[0].y)
        let L = network.numLayers
        switch bug.expectedCulprit {
        case .batchMean: #expect(buggy == engine)
        case .bp3: #expect(buggy.nablaW == engine.nablaW)
        case .bp4: #expect(buggy.nablaB == engine.nablaB)
        case .bp2:
            #expect(buggy.nablaB[L - 2] == engine.nablaB[L - 2] && buggy.nablaW[L - 2] == engine.nablaW[L - 2])
            #expect(buggy.nablaB[L - 3] != engine.nablaB[L - 3])
        case .bp1: #expect(buggy.nablaB[L - 2] != engine.nablaB[L - 2])
        }
    }
}

/// Counts calls, for a gradient that changes between identical requests.
final class Counter: Sendable {
    private let count = Mutex(0)
    func next() -> Int {
        count.withLock { value in
            value += 1
            return value
        }
    }
}
