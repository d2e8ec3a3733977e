import Testing
import BackpropEngine
import GradientChecking
@testable import FastEngine
import TestSupport

@Suite("Fast gradient = mean of textbook backprop gradients")
struct FastGradientTests {
    @Test("mini-batch gradient equals the textbook mean to 1e-12 relative",
          arguments: testShapes + [[150, 20, 5]], [1, 3, 10, 70])
    func equalsTextbook(sizes: [Int], batchSize: Int) throws {
        for cost in Cost.allCases {
            for lambda in [0.0, 0.7] {
                for seed: UInt64 in [1, 2] {
                    var generator = SeededGenerator(seed: seed &* 31 &+ UInt64(batchSize))
                    let network = try Network(sizes: sizes, cost: cost, generator: &generator)
                    let batch = randomExamples(batchSize, sizes: sizes, generator: &generator)
                    let fast = FastNetwork(network).gradient(miniBatch: batch, lambda: lambda, n: 50)
                    let textbook = TextbookGradient.mean(network: network, batch: batch, lambda: lambda, n: 50)
                    for l in 0..<(sizes.count - 1) {
                        #expect(relativeError(fast.nablaW[l].elements, textbook.nablaW[l].elements) <= 1e-12,
                                "∇w layer \(l + 2), \(cost), λ = \(lambda)")
                        #expect(relativeError(fast.nablaB[l].elements, textbook.nablaB[l].elements) <= 1e-12,
                                "∇b layer \(l + 2), \(cost), λ = \(lambda)")
                    }
                }
            }
        }
    }

    @Test("the gradient checker passes on the fast engine (every entry, finite differences)",
          arguments: Cost.allCases, [0.0, 0.3])
    func gradientChecker(cost: Cost, lambda: Double) throws {
        var generator = SeededGenerator(seed: 11)
        let sizes = [6, 5, 3]
        let network = try Network(sizes: sizes, initializer: .scaled, cost: cost, generator: &generator)
        let batch = randomExamples(4, sizes: sizes, generator: &generator)
        let report = GradientChecker().check(
            network: network, batch: batch, lambda: lambda, n: 20,
            gradient: { network, batch, lambda, n in FastNetwork(network).gradient(miniBatch: batch, lambda: lambda, n: n) },
            generator: &generator)
        #expect(report.passed)
        #expect(report.blocks.count == 2 * (sizes.count - 1), "every ∇b and ∇w block was checked")
        let wrong = GradientChecker().check(
            network: network, batch: batch, lambda: lambda, n: 20,
            gradient: { network, batch, lambda, n in 1.01 * FastNetwork(network).gradient(miniBatch: batch, lambda: lambda, n: n) },
            generator: &generator)
        #expect(!wrong.passed, "the check can fail: a gradient 1% off does not pass")
    }

    @Test("an empty mini-batch has zero gradient, plus the L2 term")
    func emptyBatch() throws {
        let network = try Network(sizes: [3, 2, 2], seed: 1)
        let g = FastNetwork(network).gradient(miniBatch: [], lambda: 2, n: 4)
        #expect(g.nablaB.allSatisfy { $0.elements.allSatisfy { $0 == 0 } })
        #expect(zip(g.nablaW, network.weights).allSatisfy { $0 == 0.5 * $1 })
    }
}
