import Testing
import BackpropEngine
@testable import FastEngine

@Suite("Parallel evaluate = Network.evaluate")
struct FastEvaluateTests {
    @Test("same count of correct answers, on more examples than one evaluation block",
          arguments: testShapes)
    func equalsTextbook(sizes: [Int]) throws {
        var generator = SeededGenerator(seed: 8)
        let network = try Network(sizes: sizes, generator: &generator)
        let test = randomExamples(FastNetwork.evaluationBlock * 2 + 37, sizes: sizes, generator: &generator)
            .map { LabeledExample(x: $0.x, label: $0.y.argmax) }
        let expected = network.evaluate(test)
        #expect(FastNetwork(network).evaluate(test) == expected)
        #expect(FastNetwork(network).evaluate(Array(test.prefix(1))) == network.evaluate(Array(test.prefix(1))))
        #expect(FastNetwork(network).evaluate([]) == 0)
    }
}
