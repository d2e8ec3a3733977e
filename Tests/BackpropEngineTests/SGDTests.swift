import Testing
@testable import BackpropEngine
import TestSupport

@Suite("SGD: learning, determinism, L2")
struct SGDTests {
    static let xor: [Example] = [
        Example(x: [0, 0], y: [0]), Example(x: [0, 1], y: [1]),
        Example(x: [1, 0], y: [1]), Example(x: [1, 1], y: [0]),
    ]

    @Test("[2,3,1] learns XOR from seed 1", arguments: Cost.allCases)
    func learnsXOR(cost: Cost) throws {
        var generator = SeededGenerator(seed: 1)
        var network = try Network(sizes: [2, 3, 1], cost: cost, generator: &generator)
        let before = network.totalCost(Self.xor)
        try network.sgd(trainingData: Self.xor, epochs: 3000, miniBatchSize: 4, eta: 4.0, generator: &generator)
        #expect(network.totalCost(Self.xor) < before / 10)
        for example in Self.xor {
            #expect((network.feedforward(example.x)[0] >= 0.5) == (example.y[0] == 1))
        }
    }

    @Test("same seed ⇒ same training trajectory, bit for bit")
    func deterministicTraining() throws {
        func train(seed: UInt64) throws -> [UInt64] {
            var generator = SeededGenerator(seed: seed)
            var network = try Network(sizes: [2, 4, 1], generator: &generator)
            try network.sgd(trainingData: Self.xor + Self.xor, epochs: 20, miniBatchSize: 3, eta: 1.5,
                            lambda: 0.1, generator: &generator)
            return network.parameters.map(\.bitPattern)
        }
        #expect(try train(seed: 9) == train(seed: 9))
        #expect(try train(seed: 9) != train(seed: 10))
    }

    @Test("one step is w → (1 − ηλ/n)w − (η/m)Σ∇w and b → b − (η/m)Σ∇b")
    func updateRule() throws {
        let network = try Network(sizes: [2, 3, 2], seed: 4)
        let batch = [Example(x: [0.1, 0.9], y: [1, 0]), Example(x: [0.7, 0.2], y: [0, 1])]
        let (eta, lambda, n) = (0.5, 2.0, 100)
        let sum = network.backprop(x: batch[0].x, y: batch[0].y) + network.backprop(x: batch[1].x, y: batch[1].y)
        var stepped = network
        stepped.updateMiniBatch(batch, eta: eta, lambda: lambda, n: n)
        for l in 0..<2 {
            for i in network.weights[l].elements.indices {
                let expected = (1 - eta * lambda / Double(n)) * network.weights[l].elements[i]
                    - eta / 2 * sum.nablaW[l].elements[i]
                #expect(close(stepped.weights[l].elements[i], expected, 1e-14))
            }
            for j in 0..<network.biases[l].count {
                #expect(close(stepped.biases[l][j], network.biases[l][j] - eta / 2 * sum.nablaB[l][j], 1e-14))
            }
        }
    }

    @Test("epoch reports read like network.py's and count correct answers")
    func reports() throws {
        var generator = SeededGenerator(seed: 2)
        var network = try Network(sizes: [2, 3, 2], generator: &generator)
        let data = [Example(x: [0, 1], y: [1, 0]), Example(x: [1, 0], y: [0, 1])]
        let test = [LabeledExample(x: [0, 1], label: 0), LabeledExample(x: [1, 0], label: 1)]
        var printed: [String] = []
        let reports = try network.sgd(trainingData: data, epochs: 2, miniBatchSize: 1, eta: 1,
                                      testData: test, generator: &generator, onEpoch: { printed.append("\($0)") })
        #expect(reports.count == 2)
        #expect(printed[1].hasPrefix("Epoch 1: \(network.evaluate(test)) / 2 ("))
        #expect(reports.allSatisfy { $0.seconds >= 0 })
    }

    @Test("bad hyper-parameters are refused, not trained on")
    func badHyperparameters() throws {
        var generator = SeededGenerator(seed: 2)
        var network = try Network(sizes: [2, 1], generator: &generator)
        #expect(throws: TrainingError.self) {
            try network.sgd(trainingData: Self.xor, epochs: 1, miniBatchSize: 0, eta: 1, generator: &generator)
        }
        #expect(throws: TrainingError.self) {
            try network.sgd(trainingData: Self.xor, epochs: 1, miniBatchSize: 1, eta: .nan, generator: &generator)
        }
    }

    @Test("η = 100 saturates but stays finite, as in the chapter")
    func hugeEtaStaysFinite() throws {
        var generator = SeededGenerator(seed: 3)
        var network = try Network(sizes: [2, 5, 1], generator: &generator)
        try network.sgd(trainingData: Self.xor, epochs: 200, miniBatchSize: 1, eta: 100, generator: &generator)
        #expect(network.isFinite)
    }
}

@Suite("SeededGenerator")
struct SeededGeneratorTests {
    @Test("streams repeat for a seed and Gaussians have mean 0, variance 1")
    func gaussianMoments() {
        var a = SeededGenerator(seed: 123), b = SeededGenerator(seed: 123)
        #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
        let xs = a.gaussians(200_000)
        let mean = xs.reduce(0, +) / Double(xs.count)
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.01)
    }

    @Test("the shuffle is a permutation and depends on the seed")
    func shuffle() {
        var g = SeededGenerator(seed: 5), h = SeededGenerator(seed: 6)
        let order = shuffledOrder(count: 1000, generator: &g)
        #expect(order.sorted() == Array(0..<1000))
        #expect(order != shuffledOrder(count: 1000, generator: &h))
        #expect(shuffledOrder(count: 0, generator: &g).isEmpty)
    }
}
