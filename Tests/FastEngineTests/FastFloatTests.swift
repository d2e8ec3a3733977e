import Testing
import BackpropEngine
import GradientChecking
@testable import FastEngine
import TestSupport

/// The Float option, checked the way the Double engine is, with tolerances for Float's
/// 24-bit significand (unit roundoff 6e-8) instead of exact equality.
@Suite("Fast engine in Float ≈ textbook")
struct FastFloatTests {
    @Test("the mini-batch gradient equals the textbook mean to 1e-5 relative",
          arguments: testShapes + [[150, 20, 5]], [1, 10, 70])
    func gradient(sizes: [Int], batchSize: Int) throws {
        for cost in Cost.allCases {
            for lambda in [0.0, 0.7] {
                var generator = SeededGenerator(seed: UInt64(sizes.count * 100 + batchSize))
                let network = try Network(sizes: sizes, initializer: .scaled, cost: cost, generator: &generator)
                let batch = randomExamples(batchSize, sizes: sizes, generator: &generator)
                let fast = FastNetwork(network, precision: .float).gradient(miniBatch: batch, lambda: lambda, n: 50)
                let textbook = TextbookGradient.mean(network: network, batch: batch, lambda: lambda, n: 50)
                #expect(relativeError(fast.flattened, textbook.flattened) <= 1e-5, "\(cost), λ = \(lambda)")
                #expect(relativeError(fast.flattened, textbook.flattened) > 0, "Float really rounds: not the Double path")
            }
        }
    }

    @Test("one SGD step and a few epochs give the textbook weights to Float precision")
    func sgd() throws {
        for cost in Cost.allCases {
            for (count, batch, epochs) in [(10, 10, 1), (45, 10, 3), (150, 70, 2)] {
                var generator = SeededGenerator(seed: UInt64(count))
                let sizes = [150, 20, 5]
                let network = try Network(sizes: sizes, initializer: .scaled, cost: cost, generator: &generator)
                let data = randomExamples(count, sizes: sizes, generator: &generator)
                var textbook = network, fast = FastNetwork(network, precision: .float)
                var g1 = generator, g2 = generator
                try textbook.sgd(trainingData: data, epochs: epochs, miniBatchSize: batch, eta: 0.5, lambda: 0.3, generator: &g1)
                try fast.sgd(trainingData: data, epochs: epochs, miniBatchSize: batch, eta: 0.5, lambda: 0.3, generator: &g2)
                #expect(relativeError(fast.network.parameters, textbook.parameters) <= 1e-5, "\(cost), \(epochs) epochs")
                #expect(fast.precision == .float)
            }
        }
    }

    @Test("the gradient checker passes on the Float engine, and catches a 1% error", arguments: Cost.allCases)
    func gradientChecker(cost: Cost) throws {
        var generator = SeededGenerator(seed: 5)
        let sizes = [6, 5, 3]
        let network = try Network(sizes: sizes, initializer: .scaled, cost: cost, generator: &generator)
        let batch = randomExamples(4, sizes: sizes, generator: &generator)
        // Float's gradient is good to about 1e-6 relative; finite differences in Double to ~1e-9.
        let checker = GradientChecker(options: CheckOptions(rtol: 1e-4, atol: 1e-6))
        let report = checker.check(
            network: network, batch: batch, lambda: 0.2, n: 20,
            gradient: { network, batch, lambda, n in FastNetwork(network, precision: .float).gradient(miniBatch: batch, lambda: lambda, n: n) },
            generator: &generator)
        #expect(report.passed)
        let wrong = checker.check(
            network: network, batch: batch, lambda: 0.2, n: 20,
            gradient: { network, batch, lambda, n in 1.01 * FastNetwork(network, precision: .float).gradient(miniBatch: batch, lambda: lambda, n: n) },
            generator: &generator)
        #expect(!wrong.passed)
    }

    @Test("evaluation in Float scores like the textbook on a well-separated set")
    func evaluate() throws {
        var generator = SeededGenerator(seed: 3)
        let network = try Network(sizes: [20, 8, 4], initializer: .scaled, generator: &generator)
        let test = randomExamples(300, sizes: [20, 8, 4], generator: &generator).map { example in
            let a = network.feedforward(example.x).elements
            return LabeledExample(x: example.x, label: a.indices.max { a[$0] < a[$1] } ?? 0)
        }
        let correct = FastNetwork(network, precision: .float).evaluate(test)
        #expect(correct >= 295, "labels are the textbook's own argmax, so Float differs only on near-ties")
    }
}
