import Testing
import BackpropEngine
@testable import FastEngine

@Suite("Fast gradient = mean of textbook backprop gradients")
struct FastGradientTests {
    @Test("mini-batch gradient equals the textbook mean to 1e-12 relative",
          arguments: testShapes, [1, 3, 10])
    func equalsTextbook(sizes: [Int], batchSize: Int) throws {
        for cost in Cost.allCases {
            for lambda in [0.0, 0.7] {
                for seed: UInt64 in [1, 2] {
                    var generator = SeededGenerator(seed: seed &* 31 &+ UInt64(batchSize))
                    let network = try Network(sizes: sizes, cost: cost, generator: &generator)
                    let batch = randomExamples(batchSize, sizes: sizes, generator: &generator)
                    let fast = FastNetwork(network).gradient(miniBatch: batch, lambda: lambda, n: 50)
                    let textbook = textbookMeanGradient(network, batch, lambda: lambda, n: 50)
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

    @Test("central differences of totalCost agree with the fast gradient", arguments: Cost.allCases)
    func finiteDifferences(cost: Cost) throws {
        var generator = SeededGenerator(seed: 11)
        let sizes = [6, 5, 3]
        let network = try Network(sizes: sizes, initializer: .scaled, cost: cost, generator: &generator)
        let batch = randomExamples(4, sizes: sizes, generator: &generator)
        let (lambda, n) = (0.3, 20)
        let analytic = FastNetwork(network).gradient(miniBatch: batch, lambda: lambda, n: n).flattened
        let parameters = network.parameters
        let h = 1e-5
        var worst = 0.0
        for i in parameters.indices {
            var plus = network, minus = network
            var p = parameters
            p[i] += h
            plus.setParameters(p)
            p[i] -= 2 * h
            minus.setParameters(p)
            let numeric = (plus.totalCost(batch, lambda: lambda, n: n) - minus.totalCost(batch, lambda: lambda, n: n)) / (2 * h)
            worst = max(worst, abs(numeric - analytic[i]) / max(abs(numeric) + abs(analytic[i]), 1e-8))
        }
        #expect(worst < 1e-6)
    }

    @Test("an empty mini-batch has zero gradient, plus the L2 term")
    func emptyBatch() throws {
        let network = try Network(sizes: [3, 2, 2], seed: 1)
        let g = FastNetwork(network).gradient(miniBatch: [], lambda: 2, n: 4)
        #expect(g.nablaB.allSatisfy { $0.elements.allSatisfy { $0 == 0 } })
        #expect(zip(g.nablaW, network.weights).allSatisfy { $0 == 0.5 * $1 })
    }
}
