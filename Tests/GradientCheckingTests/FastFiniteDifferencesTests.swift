import BackpropEngine
import Testing
@testable import GradientChecking

@Suite("Fast finite differences equal the naive recomputation")
struct FastFiniteDifferencesTests {
    static let shapes: [[Int]] = [[2, 3, 1], [3, 4, 3, 2], [1, 1], [4, 2, 5, 3], [5, 1, 2]]

    @Test("every parameter, several shapes, both costs, λ = 0 and 0.7, some zero inputs",
          arguments: shapes, Cost.allCases)
    func fastEqualsNaive(sizes: [Int], cost: Cost) throws {
        for (seed, lambda) in [(UInt64(3), 0.0), (7, 0.7)] {
            let (network, batch) = try randomProblem(sizes: sizes, cost: cost, seed: seed, batch: 3, density: 0.6)
            let fast = FastFiniteDifferences(network: network, batch: batch, lambda: lambda, n: 5, epsilon: 1e-6)
            for block in network.parameterBlocks {
                for i in 0..<block.count {
                    let quick = fast.partial(block: block, entry: i)
                    let naive = FiniteDifferences.partial(network: network, batch: batch, lambda: lambda, n: 5,
                                                          index: block.offset + i, epsilon: 1e-6)
                    // Both are the same central difference; they differ only in rounding
                    // (≈ 10⁻¹⁶·C/ε ≈ 10⁻¹⁰).
                    #expect(abs(quick - naive) <= 1e-8, "\(sizes) \(cost) λ=\(lambda) \(block.label(i)): \(quick) vs \(naive)")
                }
            }
        }
    }

    @Test("a weight from a zero input has a central difference of exactly 0 both ways")
    func zeroInputIsExactlyZero() throws {
        var (network, batch) = try randomProblem(sizes: [3, 2, 2], cost: .quadratic, seed: 5, batch: 2)
        for e in batch.indices { batch[e].x[1] = 0 }
        network.weights[0][0, 1] = 0.3
        let fast = FastFiniteDifferences(network: network, batch: batch, epsilon: 1e-6)
        let block = network.parameterBlocks[1]   // w²
        #expect(block.kind == .weight && block.layer == 2)
        #expect(fast.partial(block: block, entry: 1) == 0)
        #expect(FiniteDifferences.partial(network: network, batch: batch, lambda: 0, n: 2, index: block.offset + 1, epsilon: 1e-6) == 0)
    }

    @Test("the central difference approximates a known derivative to O(ε²)")
    func knownDerivative() throws {
        // One weight, one example, quadratic cost: C = ½(σ(wx + b) − y)², dC/dw = (a − y)σ′(z)x.
        let network = try Network(sizes: [1, 1], biases: [[0.2]], weights: [Matrix(rowList: [[0.5]])!])
        let batch = [Example(x: [0.8], y: [1])]
        let z = 0.5 * 0.8 + 0.2, a = sigmoid(z)
        let exact = (a - 1) * sigmoidPrime(z) * 0.8
        let fd = FiniteDifferences.partial(network: network, batch: batch, lambda: 0, n: 1, index: 1, epsilon: 1e-6)
        #expect(abs(fd - exact) < 1e-10)
        #expect(abs(fd - exact) > 0 || fd == exact)
        let coarse = FiniteDifferences.partial(network: network, batch: batch, lambda: 0, n: 1, index: 1, epsilon: 1e-2)
        #expect(abs(coarse - exact) > abs(fd - exact))   // a larger ε has a larger O(ε²) error
    }
}
