import BackpropEngine
import Testing
@testable import PerceptronCircuits

@Suite("Perceptron circuits")
struct PerceptronCircuitTests {
    @Test("with σ, a network read as a circuit computes the engine's feedforward")
    func matchesEngine() throws {
        let network = try Network(sizes: [4, 3, 2], seed: 9)
        let x = Vector([0.1, 0.5, 0.9, 0.3])
        #expect(PerceptronCircuit(network: network).evaluate(x, activation: .sigmoid) == network.feedforward(x))
    }

    @Test("batch evaluation agrees with one input at a time", arguments: Activation.allCases)
    func batch(activation: Activation) throws {
        var generator = SeededGenerator(seed: 3)
        let circuit = PerceptronCircuit(network: try Network(sizes: [3, 4, 2], generator: &generator))
        let xs = (0..<20).map { _ in Vector(generator.gaussians(3)) }
        #expect(circuit.evaluate(batch: xs, activation: activation) == xs.map { circuit.evaluate($0, activation: activation) })
    }

    @Test("the builder puts a gate one layer after its deepest source")
    func layering() {
        var b = CircuitBuilder(inputNames: ["x1", "x2"])
        let n = b.nand(b.input(0), b.input(1), name: "n")
        let m = b.nand(n, b.input(0), name: "m")
        let circuit = b.build(outputs: [m, n])
        #expect(circuit.layers.map(\.count) == [1, 1])
        #expect(circuit.layers[1].inputs == [0, 2])
        #expect(circuit.outputs == [3, 2])
        #expect(circuit.names == ["x1", "x2", "n", "m"])
    }

    @Test("tying a neuron puts its weighted input exactly at 0")
    func tie() throws {
        let adder = TwoBitAdder.circuit(carry: .doubled)
        let tied = try #require(adder.tied(2, at: Vector([1, 1])))
        #expect(tied.layers[0].biases[0] == 4)
        #expect(tied.trace(Vector([1, 1]), activation: .step).weightedInputs[0] == 0)
        #expect(adder.tied(0, at: Vector([1, 1])) == nil)
    }

    @Test("bit patterns round-trip")
    func bits() {
        #expect(BitPattern.bits(of: 6, count: 4) == [0, 1, 1, 0])
        #expect(BitPattern.value(of: [0, 1, 1, 0]) == 6)
        #expect(BitPattern.all(count: 2) == [[0, 0], [0, 1], [1, 0], [1, 1]])
    }
}
