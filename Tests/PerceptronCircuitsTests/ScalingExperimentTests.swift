import BackpropEngine
import Testing
@testable import PerceptronCircuits

@Suite("Scaling a perceptron network by c > 0")
struct ScalingExperimentTests {
    @Test("random perceptron networks never change, sigmoid networks do", arguments: [1, 2, 3] as [UInt64])
    func invariance(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let trials = ScalingExperiment.run(trials: 20, inputsPerNetwork: 50, generator: &generator)
        #expect(trials.count == 20)
        #expect(trials.allSatisfy { $0.perceptronMismatches == 0 })
        #expect(trials.contains { $0.sigmoidLargestChange > 0.01 })
    }

    @Test("scaling multiplies every weighted input by c")
    func weightedInputsScale() throws {
        var generator = SeededGenerator(seed: 4)
        let circuit = PerceptronCircuit(network: try Network(sizes: [3, 4, 2], generator: &generator))
        let x = Vector([0.2, 0.7, 0.1])
        let z = circuit.trace(x, activation: .step).weightedInputs
        let scaled = circuit.scaled(by: 8).trace(x, activation: .step).weightedInputs
        #expect(zip(z, scaled).allSatisfy { abs(8 * $0 - $1) < 1e-12 })
        #expect(circuit.scaled(by: 8).evaluate(x) == circuit.evaluate(x))
    }

    @Test("a negative c would flip outputs, so the exercise needs c > 0")
    func negativeScaleFlips() {
        let nand = NAND.perceptron
        #expect(nand.scaled(by: -1).evaluate(Vector([1, 1])) != nand.evaluate(Vector([1, 1])))
    }
}
