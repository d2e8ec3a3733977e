import Foundation
import Testing
@testable import BackpropEngine
import TestSupport

@Suite("Backprop: BP1–BP4 against hand computations")
struct BackpropTests {
    /// ∇ for the fixed [2,3,1] net at x = (1, 2), y = 1, worked out separately
    /// (NumPy, the book's formulas): bias then weight entries, layer 2 first.
    static let expected: [Cost: (nb2: [Double], nw2: [Double], nb3: [Double], nw3: [Double])] = [
        .quadratic: (
            [-0.008454206005295728, 0.009661949720337976, -0.005377270386537435],
            [-0.008454206005295728, -0.016908412010591456, 0.009661949720337976,
             0.019323899440675953, -0.005377270386537435, -0.01075454077307487],
            [-0.052789637635510624],
            [-0.03408396244274202, -0.0187056751927686, -0.04592125842057884]
        ),
        .crossEntropy: (
            [-0.04302703769900119, 0.04917375737028708, -0.02736720816766703],
            [-0.04302703769900119, -0.08605407539800237, 0.04917375737028708,
             0.09834751474057415, -0.02736720816766703, -0.05473441633533406],
            [-0.2686688409576169],
            [-0.1734677314506606, -0.09520110950695626, -0.23371274795174643]
        ),
    ]

    @Test("the fixed [2,3,1] net's gradient equals the worked-out values", arguments: Cost.allCases)
    func fixedNetGradient(cost: Cost) throws {
        let g = try fixedNetwork(cost: cost).backprop(x: [1, 2], y: [1])
        let e = try #require(Self.expected[cost])
        #expect(zip(g.nablaB[0].elements, e.nb2).allSatisfy { close($0, $1) })
        #expect(zip(g.nablaW[0].elements, e.nw2).allSatisfy { close($0, $1) })
        #expect(zip(g.nablaB[1].elements, e.nb3).allSatisfy { close($0, $1) })
        #expect(zip(g.nablaW[1].elements, e.nw3).allSatisfy { close($0, $1) })
    }

    @Test("a [1,1,1] chain: every partial derivative by the scalar chain rule", arguments: Cost.allCases)
    func scalarChain(cost: Cost) throws {
        let (w2, b2, w3, b3, x, y) = (0.8, -0.3, -1.7, 0.4, 0.9, 0.25)
        let network = try Network(
            sizes: [1, 1, 1], biases: [[b2], [b3]],
            weights: [Matrix(rowList: [[w2]])!, Matrix(rowList: [[w3]])!], cost: cost)
        let g = network.backprop(x: [x], y: [y])

        let z2 = w2 * x + b2, a2 = sigmoid(z2)
        let z3 = w3 * a2 + b3, a3 = sigmoid(z3)
        // ∂C/∂z³: quadratic C = ½(a³ − y)² gives (a³ − y)σ′(z³);
        // cross-entropy C = −y ln a³ − (1 − y) ln(1 − a³) gives a³ − y.
        let dC_dz3 = cost == .quadratic ? (a3 - y) * a3 * (1 - a3) : a3 - y
        let dC_dz2 = dC_dz3 * w3 * a2 * (1 - a2)
        #expect(close(g.nablaB[1][0], dC_dz3))
        #expect(close(g.nablaW[1][0, 0], dC_dz3 * a2))
        #expect(close(g.nablaB[0][0], dC_dz2))
        #expect(close(g.nablaW[0][0, 0], dC_dz2 * x))
    }

    @Test("the pass keeps every z, a and δ with the book's indexing")
    func passIntermediates() throws {
        let network = try Network(sizes: [3, 4, 5, 2], seed: 11)
        let x: Vector = [0.2, -0.5, 0.9]
        let pass = network.backpropPass(x: x, y: [0, 1])
        #expect(pass.activations.map(\.count) == [3, 4, 5, 2])
        #expect(pass.zs.map(\.count) == [4, 5, 2])
        #expect(pass.deltas == pass.gradient.nablaB)  // BP3
        #expect(pass.activations[3] == network.feedforward(x))
    }

    @Test("the gradient agrees with central differences of the cost on a random net", arguments: Cost.allCases)
    func finiteDifferences(cost: Cost) throws {
        var network = try Network(sizes: [3, 4, 2], cost: cost, seed: 5)
        let example = Example(x: [0.3, -0.7, 0.5], y: [0.2, 0.9])
        let analytic = network.backprop(x: example.x, y: example.y).flattened
        let h = 1e-6
        let theta = network.parameters
        #expect(network.setParameters(theta + [0]) == false)
        for i in theta.indices {
            var shifted = theta
            shifted[i] = theta[i] + h
            network.setParameters(shifted)
            let plus = network.totalCost([example])
            shifted[i] = theta[i] - h
            network.setParameters(shifted)
            let minus = network.totalCost([example])
            #expect(abs((plus - minus) / (2 * h) - analytic[i]) < 1e-8, "parameter \(i)")
        }
    }
}

@Suite("Costs")
struct CostTests {
    @Test("δᴸ is the derivative of fn with respect to zᴸ", arguments: Cost.allCases)
    func deltaMatchesFn(cost: Cost) {
        let z: Vector = [-2.1, 0.3, 1.7]
        let y: Vector = [0, 1, 0.4]
        let delta = cost.delta(z: z, a: sigmoid(z), y: y)
        let h = 1e-6
        for j in 0..<z.count {
            var plus = z, minus = z
            plus[j] += h
            minus[j] -= h
            let numeric = (cost.fn(a: sigmoid(plus), y: y) - cost.fn(a: sigmoid(minus), y: y)) / (2 * h)
            #expect(abs(numeric - delta[j]) < 1e-8)
        }
    }

    @Test("cross-entropy treats 0·ln 0 as 0 and never returns NaN")
    func crossEntropyEdges() {
        #expect(Cost.crossEntropy.fn(a: [1, 0], y: [1, 0]) == 0)
        #expect(Cost.crossEntropy.fn(a: [1], y: [0]) == .greatestFiniteMagnitude)
        #expect(Cost.quadratic.fn(a: [0.5, 1], y: [1, 0]) == 0.625)
    }

    @Test("network2 cost names round-trip")
    func names() {
        for cost in Cost.allCases { #expect(Cost(network2Name: cost.network2Name) == cost) }
        #expect(Cost(network2Name: "HingeCost") == nil)
    }
}
