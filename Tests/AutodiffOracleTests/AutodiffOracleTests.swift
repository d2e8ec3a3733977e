import AutodiffOracle
import BackpropEngine
import GradientChecking
import Testing

@Suite("The autodiff oracle agrees with backprop and finite differences")
struct AutodiffOracleTests {
    static func oracle(_ network: Network, _ batch: [Example], lambda: Double) throws -> DifferentiableCost {
        try #require(DifferentiableCost(
            sizes: network.sizes, inputs: batch.map(\.x.elements), targets: batch.map(\.y.elements),
            cost: network.cost == .crossEntropy ? .crossEntropy : .quadratic, lambda: lambda, n: batch.count))
    }

    @Test("same cost and same gradient as the textbook engine on small nets",
          arguments: [[2, 3, 1], [3, 4, 2], [2, 3, 3, 2]], Cost.allCases)
    func agreesWithBackprop(sizes: [Int], cost: Cost) throws {
        for (seed, lambda) in [(UInt64(1), 0.0), (2, 0.0), (3, 1.5)] {
            var generator = SeededGenerator(seed: seed)
            let network = try Network(sizes: sizes, cost: cost, generator: &generator)
            let batch = SyntheticBatch.make(sizes: sizes, count: 3, generator: &generator)
            let oracle = try Self.oracle(network, batch, lambda: lambda)
            let c = network.totalCost(batch, lambda: lambda)
            #expect(abs(oracle.cost(at: network.parameters) - c) <= 1e-12 * max(1, c))
            let autodiff = try #require(oracle.gradient(at: network.parameters))
            let backprop = TextbookGradient.mean(network: network, batch: batch, lambda: lambda, n: batch.count).flattened
            #expect(autodiff.count == backprop.count)
            for (a, b) in zip(autodiff, backprop) { #expect(abs(a - b) <= 1e-12 * max(1, abs(b))) }
        }
    }

    @Test("agrees with finite differences (the independent check of its primitives)")
    func agreesWithFiniteDifferences() throws {
        var generator = SeededGenerator(seed: 8)
        let network = try Network(sizes: [3, 3, 2], cost: .crossEntropy, generator: &generator)
        let batch = SyntheticBatch.make(sizes: network.sizes, count: 2, generator: &generator)
        let autodiff = try #require(try Self.oracle(network, batch, lambda: 0.4).gradient(at: network.parameters))
        for i in autodiff.indices {
            let fd = FiniteDifferences.partial(network: network, batch: batch, lambda: 0.4, n: 2, index: i, epsilon: 1e-6)
            #expect(abs(autodiff[i] - fd) <= 1e-7 * max(1, abs(fd)))
        }
    }

    @Test("rejects data that does not fit the sizes, and parameter lists of the wrong length")
    func rejectsBadShapes() throws {
        #expect(DifferentiableCost(sizes: [2, 1], inputs: [[1, 2, 3]], targets: [[1]], cost: .quadratic) == nil)
        #expect(DifferentiableCost(sizes: [2, 1], inputs: [[1, 2]], targets: [[1, 0]], cost: .quadratic) == nil)
        #expect(DifferentiableCost(sizes: [2], inputs: [[1, 2]], targets: [[1]], cost: .quadratic) == nil)
        let oracle = try #require(DifferentiableCost(sizes: [2, 1], inputs: [[1, 2]], targets: [[1]], cost: .quadratic))
        #expect(oracle.parameterCount == 3)
        #expect(oracle.gradient(at: [1, 2]) == nil)
    }
}
