import Testing
@testable import BackpropEngine
import TestSupport

@Suite("Network: shapes, initialisation, feedforward")
struct NetworkTests {
    @Test("feedforward of the fixed [2,3,1] net matches values worked out by hand")
    func feedforwardByHand() throws {
        let network = try fixedNetwork()
        // z² = w²x + b² for x = (1, 2): (0.1 + 0.4 + 0.1, 0.3 − 0.8 − 0.1, 0.5 + 1.2 + 0.2)
        //    = (0.6, −0.6, 1.9); a² = σ(z²).
        let a2: [Double] = [0.6456563062257954, 0.35434369377420455, 0.8698915256370021]
        // z³ = 0.7·a²₁ − 0.8·a²₂ + 0.9·a²₃ + 0.05 = 1.001386832411995; a³ = σ(z³).
        let pass = network.backpropPass(x: [1, 2], y: [1])
        for j in 0..<3 { #expect(close(pass.activations[1][j], a2[j])) }
        #expect(close(pass.zs[1][0], 1.001386832411995))
        #expect(close(network.feedforward([1, 2])[0], 0.7313311590423831))
    }

    @Test("shapes follow the book: w is (y, x), b is (y, 1), no input biases")
    func shapes() throws {
        let network = try Network(sizes: [784, 30, 10], seed: 7)
        #expect(network.weights.map { [$0.rows, $0.columns] } == [[30, 784], [10, 30]])
        #expect(network.biases.map(\.count) == [30, 10])
        #expect(network.parameterCount == 784 * 30 + 30 + 30 * 10 + 10)
    }

    @Test("the same seed gives the same weights bit for bit; another seed does not")
    func seededInitialisation() throws {
        let a = try Network(sizes: [4, 5, 3], seed: 42)
        let b = try Network(sizes: [4, 5, 3], seed: 42)
        let c = try Network(sizes: [4, 5, 3], seed: 43)
        #expect(a.parameters.map(\.bitPattern) == b.parameters.map(\.bitPattern))
        #expect(a != c)
    }

    @Test("N(0,1) init has unit spread; the scaled init has spread 1/√x")
    func initialisers() throws {
        let large = try Network(sizes: [400, 200], initializer: .large, seed: 3)
        let scaled = try Network(sizes: [400, 200], initializer: .scaled, seed: 3)
        func std(_ xs: [Double]) -> Double {
            let mean = xs.reduce(0, +) / Double(xs.count)
            return (xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count)).squareRoot()
        }
        #expect(abs(std(large.weights[0].elements) - 1) < 0.02)
        #expect(abs(std(scaled.weights[0].elements) - 1 / 20) < 0.001)
        #expect(abs(std(scaled.biases[0].elements) - 1) < 0.2)
    }

    @Test("invalid sizes are rejected with a reason", arguments: [[], [3], [3, 0, 2], [2, -1]])
    func invalidSizes(sizes: [Int]) {
        #expect(throws: NetworkError.self) { try Network(sizes: sizes, seed: 1) }
    }

    @Test("parameters whose shapes disagree with sizes are rejected")
    func shapeMismatch() throws {
        let good = try fixedNetwork()
        #expect(throws: NetworkError.self) {
            try Network(sizes: [2, 3, 1], biases: good.biases, weights: [good.weights[1], good.weights[0]])
        }
        #expect(throws: NetworkError.self) {
            try Network(sizes: [2, 3, 1], biases: [[0, 0], [0]], weights: good.weights)
        }
        #expect(throws: NetworkError.self) {
            try Network(sizes: [2, 3, 1], biases: [good.biases[0]], weights: [good.weights[0]])
        }
    }
}

@Suite("Sigmoid")
struct SigmoidTests {
    @Test("σ is safe for any z: saturates to exactly 0 and 1, never NaN")
    func saturation() {
        #expect(sigmoid(-1000) == 0)
        #expect(sigmoid(1000) == 1)
        #expect(sigmoid(-.infinity) == 0)
        #expect(sigmoid(.infinity) == 1)
        #expect(sigmoid(0) == 0.5)
        for z in stride(from: -800.0, through: 800, by: 0.5) {
            #expect(!sigmoid(z).isNaN && !sigmoidPrime(z).isNaN)
        }
        #expect(sigmoidPrime(0) == 0.25)
        #expect(sigmoidPrime(1000) == 0 && sigmoidPrime(-1000) == 0)
    }

    @Test("σ(−z) = 1 − σ(z) and σ′ matches a central difference")
    func symmetryAndDerivative() {
        for z in stride(from: -20.0, through: 20, by: 0.37) {
            #expect(close(sigmoid(-z), 1 - sigmoid(z), 1e-15))
            let h = 1e-5
            let numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)
            #expect(abs(numeric - sigmoidPrime(z)) < 1e-9)
        }
    }
}
