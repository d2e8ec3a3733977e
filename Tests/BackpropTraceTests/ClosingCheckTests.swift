import BackpropEngine
import Testing
@testable import BackpropTrace

@Suite("ClosingCheck: the traced gradient against finite differences (GradientChecking)")
struct ClosingCheckTests {
    @Test("backprop's gradient agrees with central differences", arguments: Cost.allCases)
    func agrees(cost: Cost) throws {
        let network = try smallNetwork(cost: cost)
        let example = Example(x: [1, 2], y: [1])
        let check = ClosingCheck(network: network, example: example, gradient: network.backprop(x: example.x, y: example.y))
        #expect(check.parameterCount == 13)
        #expect(check.maxRelativeError < 1e-6)
        #expect(check.passed)
    }

    @Test("a wrong gradient is caught")
    func catchesWrongGradient() throws {
        let network = try smallNetwork()
        let example = Example(x: [1, 2], y: [1])
        var wrong = network.backprop(x: example.x, y: example.y)
        wrong.nablaW[0][1, 0] *= 1.5
        let check = ClosingCheck(network: network, example: example, gradient: wrong)
        #expect(check.maxRelativeError > 0.1)
        #expect(!check.passed)
    }
}

@Suite("ClosingCheck on a large network")
struct LargeClosingCheckTests {
    @Test("above the limit, a seeded sample per layer and kind is checked")
    func sample() throws {
        let network = try Network(sizes: [80, 70, 2], seed: 3)
        #expect(network.parameterCount > ClosingCheck.maximumFullCheck)
        let example = Example(x: Vector((0..<80).map { Double($0 % 7) / 7 }), y: [1, 0])
        let check = ClosingCheck(network: network, example: example, gradient: network.backprop(x: example.x, y: example.y))
        #expect(!check.isFull)
        #expect(check.parameterCount == [70 * 80, 70, 2 * 70, 2].map { min($0, ClosingCheck.sampleSize) }.reduce(0, +))
        #expect(check.passed)
    }
}
