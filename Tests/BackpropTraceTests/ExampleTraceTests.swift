import BackpropEngine
import Testing
@testable import BackpropTrace
import TestSupport

@Suite("ExampleTrace: the displayed operands reproduce the engine's δ")
struct ExampleTraceTests {
    @Test("BP1: ∇ₐC ⊙ σ′(zᴸ) is the engine's δᴸ", arguments: Cost.allCases)
    func bp1(cost: Cost) throws {
        let t = ExampleTrace(network: try smallNetwork(cost: cost), example: Example(x: [1, 2], y: [1]))
        let shown = t.costGradient ⊙ t.sigmoidPrimeOfZ(3)
        #expect(close(shown.elements, t.delta(3).elements))
    }

    @Test("BP2: ((wˡ⁺¹)ᵀδˡ⁺¹) ⊙ σ′(zˡ) is the engine's δˡ", arguments: Cost.allCases)
    func bp2(cost: Cost) throws {
        let network = try Network(sizes: [3, 4, 3, 2], cost: cost, seed: 7)
        let t = ExampleTrace(network: network, example: Example(x: [0.2, -0.4, 0.9], y: [0, 1]))
        for l in 2...3 {
            #expect((t.backpropagatedError(l) ⊙ t.sigmoidPrimeOfZ(l)) == t.delta(l))
        }
    }

    @Test("the accessors follow the book's l: a¹ = x, w² = weights[0], ∂C/∂w³ = nablaW[1]")
    func indexing() throws {
        let network = try smallNetwork()
        let t = ExampleTrace(network: network, example: Example(x: [1, 2], y: [1]))
        #expect(t.a(1) == [1, 2])
        #expect(t.w(2) == network.weights[0])
        #expect(t.b(3) == network.biases[1])
        #expect(t.nablaW(3) == network.backprop(x: [1, 2], y: [1]).nablaW[1])
        #expect(t.a(3) == network.feedforward([1, 2]))
        #expect(t.cost == network.totalCost([Example(x: [1, 2], y: [1])]))
    }
}
