import BackpropEngine
import Testing
@testable import BackpropTrace
import TestSupport

@Suite("BatchStep: per-example gradients, mean and the engine's update")
struct BatchStepTests {
    static let examples = [Example(x: [1, 2], y: [1]), Example(x: [0.5, -0.5], y: [0]), Example(x: [0, 1], y: [0.3])]

    @Test("w − η·mean is the engine's updated network", arguments: Cost.allCases)
    func updateMatchesMean(cost: Cost) throws {
        let step = BatchStep(network: try smallNetwork(cost: cost), examples: Self.examples, eta: 0.5)
        #expect(step.size == 3)
        let mean = step.meanGradient
        for i in 0..<2 {
            #expect(close((step.before.weights[i] - 0.5 * mean.nablaW[i]).elements, step.after.weights[i].elements))
            #expect(close((step.before.biases[i] - 0.5 * mean.nablaB[i]).elements, step.after.biases[i].elements))
        }
    }

    @Test("the mean is the average of the per-example backprops; a small step lowers the cost")
    func meanAndCost() throws {
        let network = try smallNetwork()
        let step = BatchStep(network: network, examples: Self.examples, eta: 0.1)
        let sum = Self.examples.map { network.backprop(x: $0.x, y: $0.y).flattened }
            .reduce(Array(repeating: 0.0, count: network.parameterCount)) { zip($0, $1).map(+) }
        #expect(close(step.meanGradient.flattened, sum.map { $0 / 3 }))
        #expect(step.costAfter < step.costBefore)
    }
}
